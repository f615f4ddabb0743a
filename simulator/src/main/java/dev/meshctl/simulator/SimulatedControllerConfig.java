package dev.meshctl.simulator;

import java.util.Objects;
import java.util.Optional;

/**
 * One simulated controller: where its API listens and the addresses it has on its simulated
 * network.
 *
 * @param name unique name, also its directory in the state dir
 * @param bindHost the loopback address its API listens on (any 127.x.y.z)
 * @param port its API port
 * @param privateIp its address on the simulated cloud subnet ({@code private_ipaddress})
 * @param publicIp its simulated public address ({@code public_ipaddress})
 * @param subnet its cloud subnet in CIDR form
 * @param dnsName a DNS name its peers may use instead of an address
 */
public record SimulatedControllerConfig(
    String name,
    String bindHost,
    int port,
    String privateIp,
    String publicIp,
    String subnet,
    Optional<String> dnsName) {
  public SimulatedControllerConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(bindHost, "bindHost");
    Objects.requireNonNull(privateIp, "privateIp");
    Objects.requireNonNull(publicIp, "publicIp");
    Objects.requireNonNull(subnet, "subnet");
    Objects.requireNonNull(dnsName, "dnsName");
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException(
          "controller name '" + name + "' must be letters, digits, '.', '_' or '-'");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("controller " + name + ": port " + port + " out of range");
    }
  }
}
