package dev.meshctl.engine.desired;

import dev.meshctl.engine.live.LiveRoute;
import java.util.Optional;

/**
 * What makes two routes the same route on a controller: cidr, interface and gateway, as the
 * vendor's own client decides. VNS3 has no other key: posting the same route twice makes two.
 */
public record RouteIdentity(String cidr, Optional<String> iface, Optional<String> gateway) {

  /** The identity of a live route, its CIDR in canonical form. */
  public static RouteIdentity of(LiveRoute route) {
    return new RouteIdentity(
        Cidrs.canonical(route.cidr()), blankToEmpty(route.iface()), blankToEmpty(route.gateway()));
  }

  // Controllers answer "" as often as they omit a field.
  private static Optional<String> blankToEmpty(Optional<String> s) {
    return s.filter(v -> !v.isBlank());
  }
}
