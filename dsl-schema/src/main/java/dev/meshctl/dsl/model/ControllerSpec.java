package dev.meshctl.dsl.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One VNS3 controller of the mesh, with every default applied.
 *
 * @param name the controller's name in the spec, unique; used in resource addresses
 * @param endpoint where meshctl reaches its API
 * @param privateIp its address on the cloud subnet; other controllers fetch the keyset from the
 *     root's private IP
 * @param subnet its cloud subnet in CIDR form; the subnet's first address is the gateway of its
 *     peer routes
 * @param publicIp its public address, when peers should use it
 * @param dnsName its DNS name, when peers should use it
 * @param peerId its peer ID as the spec pins it; empty to keep the one the controller has, or,
 *     for a controller without one, to take the lowest free ID (see the engine's {@code PeerIdAssignment})
 * @param controllerName the VNS3 {@code controller_name} to set, if any
 * @param api credentials and transport for its API
 * @param routes extra routes for this controller
 */
public record ControllerSpec(
    String name,
    Endpoint endpoint,
    String privateIp,
    String subnet,
    Optional<String> publicIp,
    Optional<String> dnsName,
    OptionalInt peerId,
    Optional<String> controllerName,
    ApiAccess api,
    List<RouteSpec> routes) {}
