package dev.meshctl.engine.plan;

import dev.meshctl.engine.address.ResourceAddress;
import io.vertx.core.Future;
import java.util.Map;
import java.util.Optional;

/** {@code PUT /config} with the topology name and, when the spec sets one, the controller name. */
public record SetNames(ResourceAddress address, String topologyName, Optional<String> controllerName)
    implements PlanAction {
  @Override
  public ActionType actionType() {
    return PlanActionType.SET_NAMES;
  }

  @Override
  public Future<Void> run(ActionRun run) {
    return run.client().putConfig(Optional.of(topologyName), controllerName).mapEmpty();
  }

  @Override
  public Map<String, Object> parameters() {
    return ActionParameters.ordered("topology_name", topologyName, "controller_name", controllerName);
  }

  static SetNames read(ResourceAddress at, ActionParameters p) {
    return new SetNames(at, p.text("topology_name"), p.optionalText("controller_name"));
  }
}
