package dev.meshctl.engine.plan;

import dev.meshctl.engine.address.ResourceAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code DELETE /routes/{routeId}}.
 *
 * @param routeId the controller's ID of the route, as read when planning
 */
public record DeleteRoute(ResourceAddress address, String routeId, String cidr) implements PlanAction {
  @Override
  public Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("route_id", routeId);
    p.put("cidr", cidr);
    return p;
  }
}
