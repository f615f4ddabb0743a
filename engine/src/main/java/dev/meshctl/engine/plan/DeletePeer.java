package dev.meshctl.engine.plan;

import dev.meshctl.engine.address.ResourceAddress;
import io.vertx.core.Future;
import java.util.Map;

/** {@code DELETE /peering/peers/{id}}. */
public record DeletePeer(ResourceAddress address, int peerId) implements PlanAction {
  @Override
  public ActionType actionType() {
    return PlanActionType.DELETE_PEER;
  }

  @Override
  public boolean deletes() {
    return true;
  }

  @Override
  public Future<Void> run(ActionRun run) {
    return run.client().deletePeer(peerId);
  }

  @Override
  public Map<String, Object> parameters() {
    return Map.of("id", peerId);
  }

  static DeletePeer read(ResourceAddress at, ActionParameters p) {
    return new DeletePeer(at, p.number("id"));
  }
}
