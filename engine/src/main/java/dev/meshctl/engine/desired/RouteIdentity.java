package dev.meshctl.engine.desired;

import dev.meshctl.engine.live.LiveRoute;
import java.util.Optional;

/**
 * What makes two routes the same route on a controller: cidr, interface, gateway and advertise,
 * the keys the vendor's SDK compares before it creates a route ({@code RouteComparisonKeys} in
 * {@code cohesivenet/api/vns3/routing_api.py}). VNS3 has no other key: posting the same route
 * twice makes two. This is the one rule meshctl uses: the differ matches wanted routes to live
 * ones with it, and the client's "did my ambiguous POST land?" check asks it.
 *
 * <p>"No interface" and "no gateway" have several spellings on the wire: the SDK posts {@code
 * "_notset"}, real tables report {@code "interface": "_notset"} and leave {@code gateway} out
 * (SDK {@code tests/vns3/stub_data.py}, {@code RoutesResponse}), and the Go client reads a missing
 * or null field as {@code ""}. All of them are {@link Optional#empty()} here.
 *
 * @param cidr canonical CIDR ({@link Cidrs#canonical})
 */
public record RouteIdentity(String cidr, Optional<String> iface, Optional<String> gateway, boolean advertise) {
  /** The vendor's word for "none" in a route's {@code interface} or {@code gateway}. */
  public static final String NOT_SET = "_notset";

  public RouteIdentity {
    cidr = Cidrs.canonical(cidr);
    iface = given(iface);
    gateway = given(gateway);
  }

  /** The identity of a route with these fields, whatever spelling of "none" they use. */
  public static RouteIdentity of(String cidr, Optional<String> iface, Optional<String> gateway, boolean advertise) {
    return new RouteIdentity(cidr, iface, gateway, advertise);
  }

  /** The identity of a live route. */
  public static RouteIdentity of(LiveRoute route) {
    return new RouteIdentity(route.cidr(), route.iface(), route.gateway(), route.advertise());
  }

  /** The same route with the other advertise flag: the slot a replaced route is looked up by. */
  public RouteIdentity withAdvertise(boolean on) {
    return new RouteIdentity(cidr, iface, gateway, on);
  }

  /**
   * An interface or gateway as given, or empty when it names none: absent, blank or {@value
   * #NOT_SET}.
   */
  public static Optional<String> given(Optional<String> value) {
    return value.map(String::strip).filter(v -> !v.isEmpty() && !v.equals(NOT_SET));
  }
}
