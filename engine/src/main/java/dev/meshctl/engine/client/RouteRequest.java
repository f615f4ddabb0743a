package dev.meshctl.engine.client;

import dev.meshctl.engine.desired.RouteIdentity;
import dev.meshctl.engine.live.LiveRoute;
import java.util.Optional;

/**
 * A route to create with {@code POST /routes}. An empty gateway or interface is sent as the
 * vendor's {@code "_notset"}, as the vendor's SDK does.
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

  /** This request's route identity ({@link RouteIdentity}: the one rule for "the same route"). */
  public RouteIdentity identity() {
    return RouteIdentity.of(cidr, iface, gateway, advertise);
  }

  /**
   * Whether {@code route} is this request's route, under every form a controller may report it
   * in ({@code _notset}, empty or missing gateway and interface; any CIDR spelling).
   */
  public boolean sameRoute(LiveRoute route) {
    return identity().equals(RouteIdentity.of(route));
  }
}
