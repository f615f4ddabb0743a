package dev.meshctl.engine.diff;

import dev.meshctl.engine.address.ResourceAddress;

/**
 * Something on a controller meshctl does not manage and leaves alone, shown so nobody wonders why
 * it was not deleted: routes without the marker, system and learned routes.
 *
 * @param reason e.g. {@code unmanaged route (no "meshctl:" in its description)}
 */
public record Ignored(ResourceAddress address, String reason) {
  /** The reason given for routes the controller itself owns: system routes and learned ones. */
  public static final String SYSTEM_ROUTE = "system or learned route (not editable)";

  /** A system or learned route: on every controller, and nobody can change it. */
  public boolean isSystemRoute() {
    return reason.equals(SYSTEM_ROUTE);
  }
}
