package dev.meshctl.engine.plan;

import dev.meshctl.engine.address.ResourceAddress;
import java.util.Map;

/** {@code PUT /peering/peers/{id} {"name": ADDRESS, "overlay_mtu": MTU}}. */
public record UpdatePeer(
    ResourceAddress address, int peerId, String peerController, String peerAddress, int mtu)
    implements PlanAction {
  @Override
  public Map<String, Object> parameters() {
    return PeerLinkFields.of(peerId, peerController, peerAddress, mtu);
  }
}
