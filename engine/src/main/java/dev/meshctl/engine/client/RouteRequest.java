package dev.meshctl.engine.client;

import java.util.Optional;

/**
 * A route to create with {@code POST /routes}. A route is identified on a controller by (cidr,
 * interface, gateway), as the vendor's own client does.
 */
public record RouteRequest(
    String cidr,
    Optional<String> gateway,
    Optional<String> iface,
    boolean advertise,
    int metric,
    Optional<String> description) {

  /** The request for an extra route of the spec. */
  public static RouteRequest of(dev.meshctl.dsl.model.RouteSpec r) {
    return new RouteRequest(r.cidr(), r.gateway(), r.iface(), r.advertise(), r.metric(), r.description());
  }

  /** Whether {@code route} is this request's route, by (cidr, interface, gateway). */
  public boolean sameRoute(dev.meshctl.engine.live.LiveRoute route) {
    return route.cidr().equals(cidr)
        && route.iface().equals(iface)
        && route.gateway().equals(gateway);
  }
}
