package dev.meshctl.engine.diff;

import dev.meshctl.engine.address.ResourceAddress;
import dev.meshctl.engine.desired.RouteMarker;

/**
 * Something on a controller meshctl does not manage and leaves alone, shown so nobody wonders why
 * it was not deleted: routes without the marker, system and learned routes.
 *
 * @param reason e.g. {@code unmanaged route (no "meshctl:" in its description)}
 */
public record Ignored(ResourceAddress address, String reason) {
  /** The reason given for routes the controller itself owns: system routes and learned ones. */
  public static final String SYSTEM_ROUTE = "system or learned route (not editable)";

  /** The reason given for a route without the marker. */
  public static final String UNMANAGED_ROUTE =
      "unmanaged route (its description does not start with \"" + RouteMarker.PREFIX + "\")";

  /** The reason given for a route without the marker that is exactly one the spec wants. */
  public static final String SATISFYING_ROUTE =
      "unmanaged route equal to a wanted one (same cidr, interface, gateway and advertise): left as is";

  /** A system or learned route: on every controller, and nobody can change it. */
  public boolean isSystemRoute() {
    return reason.equals(SYSTEM_ROUTE);
  }
}
