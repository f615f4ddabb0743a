package dev.meshctl.dsl.model;

import java.util.Optional;

/**
 * An extra route a controller must have, beyond the peer routes and subnet advertisement that
 * meshctl derives. A route is identified on a controller by (cidr, interface, gateway,
 * advertise), as the vendor's own SDK compares routes; see the engine's {@code RouteIdentity}.
 */
public record RouteSpec(
    String cidr,
    Optional<String> gateway,
    Optional<String> iface,
    boolean advertise,
    int metric,
    Optional<String> description) {
  public static final int DEFAULT_METRIC = 0;
}
