package dev.meshctl.engine.plan;

import dev.meshctl.engine.address.ResourceAddress;
import io.vertx.core.Future;
import java.util.Map;

/**
 * {@code DELETE /routes/{routeId}}.
 *
 * @param routeId the controller's ID of the route, as read when planning
 */
public record DeleteRoute(ResourceAddress address, String routeId, String cidr) implements PlanAction {
  @Override
  public ActionType actionType() {
    return PlanActionType.DELETE_ROUTE;
  }

  @Override
  public boolean deletes() {
    return true;
  }

  @Override
  public Future<Void> run(ActionRun run) {
    return run.client().deleteRoute(routeId);
  }

  @Override
  public Map<String, Object> parameters() {
    return ActionParameters.ordered("route_id", routeId, "cidr", cidr);
  }

  static DeleteRoute read(ResourceAddress at, ActionParameters p) {
    return new DeleteRoute(at, p.text("route_id"), p.text("cidr"));
  }
}
