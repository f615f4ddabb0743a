package dev.meshctl.engine.plan;

import dev.meshctl.engine.address.ResourceAddress;
import io.vertx.core.Future;
import java.util.Map;

/** {@code PUT /peering/self {"id": N}}. */
public record SetPeerId(ResourceAddress address, int peerId) implements PlanAction {
  @Override
  public ActionType actionType() {
    return PlanActionType.SET_PEER_ID;
  }

  @Override
  public Future<Void> run(ActionRun run) {
    return run.client().setPeerId(peerId);
  }

  @Override
  public Map<String, Object> parameters() {
    return Map.of("id", peerId);
  }

  static SetPeerId read(ResourceAddress at, ActionParameters p) {
    return new SetPeerId(at, p.number("id"));
  }
}
