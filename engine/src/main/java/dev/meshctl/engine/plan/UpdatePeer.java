package dev.meshctl.engine.plan;

import dev.meshctl.engine.address.ResourceAddress;
import io.vertx.core.Future;
import java.util.OptionalInt;

/** {@code PUT /peering/peers/{id} {"name": ADDRESS, "overlay_mtu": MTU}}. */
public record UpdatePeer(
    ResourceAddress address, int peerId, String peerController, String peerAddress, int mtu)
    implements PeerLinkWrite {
  @Override
  public ActionType actionType() {
    return PlanActionType.UPDATE_PEER;
  }

  @Override
  public Future<Void> run(ActionRun run) {
    return run.client().updatePeer(peerId, peerAddress, OptionalInt.of(mtu));
  }
}
