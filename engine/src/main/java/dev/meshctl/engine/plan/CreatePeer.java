package dev.meshctl.engine.plan;

import dev.meshctl.engine.address.ResourceAddress;
import java.util.Map;

/**
 * {@code POST /peering/peers {"id": M, "name": ADDRESS, "overlay_mtu": MTU}}: this controller's
 * half of the link to peer {@code peerId}.
 *
 * @param peerController the peer's name in the spec
 * @param peerAddress the address sent as {@code name}
 */
public record CreatePeer(
    ResourceAddress address, int peerId, String peerController, String peerAddress, int mtu)
    implements PlanAction {
  @Override
  public Map<String, Object> parameters() {
    return PeerLinkFields.of(peerId, peerController, peerAddress, mtu);
  }
}
