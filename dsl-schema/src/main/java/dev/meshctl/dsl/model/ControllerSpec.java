package dev.meshctl.dsl.model;

import java.util.List;
import java.util.Optional;

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
 * @param peerId its peer ID in 1..N (default: position in the list, the root is 1)
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
    int peerId,
    Optional<String> controllerName,
    ApiAccess api,
    List<RouteSpec> routes) {}
