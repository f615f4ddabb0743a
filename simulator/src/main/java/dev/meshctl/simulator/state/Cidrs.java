package dev.meshctl.simulator.state;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.Optional;

/** CIDR arithmetic the simulated controllers need. */
public final class Cidrs {
  private Cidrs() {}

  /** The canonical network form of a CIDR ({@code 10.0.1.5/24} → {@code 10.0.1.0/24}), if valid. */
  public static Optional<String> parse(String cidr) {
    if (cidr == null || !cidr.contains("/")) {
      return Optional.empty();
    }
    IPAddress a = new IPAddressString(cidr.strip()).getAddress();
    if (a == null || !a.isIPv4()) {
      return Optional.empty();
    }
    return Optional.of(a.toPrefixBlock().toCanonicalString());
  }

  /** The dotted netmask of an IPv4 CIDR ({@code /24} → {@code 255.255.255.0}). */
  public static String netmask(String cidr) {
    // Every route of every table answer carries one: the IPv4 case is plain arithmetic.
    int slash = cidr.indexOf('/');
    if (slash > 0 && cidr.indexOf(':') < 0) {
      try {
        int bits = Integer.parseInt(cidr.substring(slash + 1));
        if (bits >= 0 && bits <= 32) {
          long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
          return (mask >>> 24) + "." + ((mask >>> 16) & 0xFF) + "." + ((mask >>> 8) & 0xFF) + "." + (mask & 0xFF);
        }
      } catch (NumberFormatException e) {
        // not a prefix length: the library below says what it is
      }
    }
    IPAddress a = new IPAddressString(cidr).getAddress();
    if (a == null || a.getNetworkPrefixLength() == null) {
      return "255.255.255.255";
    }
    return a.getNetwork().getNetworkMask(a.getNetworkPrefixLength(), false).toCanonicalString();
  }

  /** The first host address of a subnet: the cloud's subnet router (10.0.1.0/24 → 10.0.1.1). */
  public static String firstHost(String cidr) {
    IPAddress a = new IPAddressString(cidr).getAddress();
    if (a == null) {
      return "";
    }
    return a.toPrefixBlock().getLower().increment(1).withoutPrefixLength().toCanonicalString();
  }
}
