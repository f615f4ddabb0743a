package dev.meshctl.dsl.model;

import java.util.Optional;

/**
 * An extra route a controller must have, beyond the peer routes and subnet advertisement that
 * meshctl derives. A route is identified on a controller by (cidr, interface, gateway), as the
 * vendor's own client does.
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
