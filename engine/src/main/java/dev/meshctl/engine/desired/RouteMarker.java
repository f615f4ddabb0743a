package dev.meshctl.engine.desired;

import dev.meshctl.engine.live.LiveRoute;

/**
 * How meshctl recognises its own routes without a state file: their description starts with
 * {@code meshctl:}. Routes without it, and system or learned routes, belong to someone else and
 * are never deleted.
 */
public final class RouteMarker {
  public static final String PREFIX = "meshctl:";

  private RouteMarker() {}

  /** The description meshctl gives a route, e.g. {@code meshctl: peer route to west-1a}. */
  public static String describe(String text) {
    return PREFIX + " " + text;
  }

  /** Whether meshctl created this route and may change or delete it. */
  public static boolean managed(LiveRoute route) {
    return route.editable() && route.description() != null && route.description().startsWith(PREFIX);
  }
}
