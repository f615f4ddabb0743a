package dev.meshctl.dsl.model;

/**
 * The routes meshctl derives for every controller.
 *
 * @param peerRoutes a /32 route to every peer's private IP via the local subnet's gateway
 * @param advertiseSubnets a route advertisement of each controller's own subnet
 */
public record RoutingSpec(boolean peerRoutes, boolean advertiseSubnets) {}
