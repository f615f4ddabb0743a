package dev.meshctl.engine.plan;

import dev.meshctl.engine.address.ResourceAddress;
import io.vertx.core.Future;
import java.util.OptionalInt;

/**
 * {@code POST /peering/peers {"id": M, "name": ADDRESS, "overlay_mtu": MTU}}: this controller's
 * half of the link to peer {@code peerId}.
 *
 * @param peerController the peer's name in the spec
 * @param peerAddress the address sent as {@code name}
 */
public record CreatePeer(
    ResourceAddress address, int peerId, String peerController, String peerAddress, int mtu)
    implements PeerLinkWrite {
  @Override
  public ActionType actionType() {
    return PlanActionType.CREATE_PEER;
  }

  @Override
  public Future<Void> run(ActionRun run) {
    return run.client().createPeer(peerId, peerAddress, OptionalInt.of(mtu));
  }
}
