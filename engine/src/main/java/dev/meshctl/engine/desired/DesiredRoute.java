package dev.meshctl.engine.desired;

import dev.meshctl.engine.address.ResourceAddress;
import java.util.Optional;

/**
 * A route meshctl keeps on a controller: a peer route, the subnet advertisement, or an extra route
 * from the spec. Its description carries the {@link RouteMarker} so meshctl can tell it is
 * managed.
 *
 * @param cidr canonical CIDR
 * @param purpose why it exists, for messages: {@code peer route to west-1a}, {@code advertise
 *     subnet} or {@code extra route}
 */
public record DesiredRoute(
    ResourceAddress address,
    String cidr,
    Optional<String> gateway,
    Optional<String> iface,
    boolean advertise,
    int metric,
    String description,
    String purpose)
    implements DesiredResource {

  public RouteIdentity identity() {
    return RouteIdentity.of(cidr, iface, gateway, advertise);
  }
}
