package dev.meshctl.engine.plan;

import dev.meshctl.engine.address.ResourceAddress;
import dev.meshctl.engine.client.RouteRequest;
import io.vertx.core.Future;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /routes}. The description starts with the {@code meshctl:} marker, so the route is
 * recognised as managed later.
 */
public record CreateRoute(
    ResourceAddress address,
    String cidr,
    Optional<String> gateway,
    Optional<String> iface,
    boolean advertise,
    int metric,
    String description)
    implements PlanAction {
  @Override
  public ActionType actionType() {
    return PlanActionType.CREATE_ROUTE;
  }

  @Override
  public Future<Void> run(ActionRun run) {
    return run.client()
        .createRoute(new RouteRequest(cidr, gateway, iface, advertise, metric, Optional.of(description)));
  }

  @Override
  public Map<String, Object> parameters() {
    return ActionParameters.ordered(
        "cidr", cidr,
        "interface", iface,
        "gateway", gateway,
        "advertise", advertise,
        "metric", metric,
        "description", description);
  }

  static CreateRoute read(ResourceAddress at, ActionParameters p) {
    return new CreateRoute(
        at,
        p.text("cidr"),
        p.optionalText("gateway"),
        p.optionalText("interface"),
        p.flag("advertise"),
        p.number("metric"),
        p.text("description"));
  }
}
