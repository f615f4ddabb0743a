package dev.meshctl.engine.plan;

import dev.meshctl.engine.address.ResourceAddress;
import java.util.LinkedHashMap;
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
  public Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("cidr", cidr);
    iface.ifPresent(v -> p.put("interface", v));
    gateway.ifPresent(v -> p.put("gateway", v));
    p.put("advertise", advertise);
    p.put("metric", metric);
    p.put("description", description);
    return p;
  }
}
