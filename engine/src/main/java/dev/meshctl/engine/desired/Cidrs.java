package dev.meshctl.engine.desired;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** Subnet arithmetic for routes, with one canonical text form so spec and live CIDRs compare. */
public final class Cidrs {
  /**
   * Parsing an address takes microseconds, and planning a large mesh asks for the same few
   * thousand again and again (every controller's route to every peer): answers are remembered,
   * up to a bound.
   */
  private static final int CACHE_LIMIT = 65_536;

  private static final Map<String, String> CANONICAL = new ConcurrentHashMap<>();
  private static final Map<String, String> HOST_ROUTES = new ConcurrentHashMap<>();

  private Cidrs() {}

  private static String cached(Map<String, String> cache, String key, UnaryOperator<String> parse) {
    String known = cache.get(key);
    if (known != null) {
      return known;
    }
    String parsed = parse.apply(key);
    if (cache.size() >= CACHE_LIMIT) {
      cache.clear();
    }
    cache.put(key, parsed);
    return parsed;
  }

  /**
   * {@code 10.0.1.0/25} stays as is; a bare address becomes a host route ({@code /32} or
   * {@code /128}); text that is not an address is returned unchanged, so a live route the parser
   * does not understand is still shown rather than dropped.
   */
  public static String canonical(String cidr) {
    return cached(CANONICAL, cidr, Cidrs::parseCanonical);
  }

  private static String parseCanonical(String cidr) {
    IPAddress a = new IPAddressString(cidr.trim()).getAddress();
    if (a == null) {
      return cidr;
    }
    if (!a.isPrefixed()) {
      a = a.setPrefixLength(a.getBitCount(), false);
    }
    return a.toCanonicalString();
  }

  /** A host route to {@code ip}: {@code 10.0.2.10} gives {@code 10.0.2.10/32}. */
  public static String hostRoute(String ip) {
    return cached(HOST_ROUTES, ip, Cidrs::parseHostRoute);
  }

  private static String parseHostRoute(String ip) {
    IPAddress a = new IPAddressString(ip.trim()).getAddress();
    if (a == null) {
      return ip + "/32";
    }
    return a.withoutPrefixLength().setPrefixLength(a.getBitCount(), false).toCanonicalString();
  }

  /** The subnet itself, host bits cleared: {@code 10.0.1.5/25} gives {@code 10.0.1.0/25}. */
  public static String network(String subnet) {
    IPAddress a = new IPAddressString(subnet.trim()).getAddress();
    if (a == null || !a.isPrefixed()) {
      return subnet;
    }
    return a.toPrefixBlock().toCanonicalString();
  }

  /**
   * The subnet's first address, the cloud's subnet router: {@code 10.0.1.0/25} gives {@code
   * 10.0.1.1}.
   */
  public static String firstAddress(String subnet) {
    IPAddress a = new IPAddressString(subnet.trim()).getAddress();
    if (a == null) {
      throw new IllegalArgumentException("not a subnet: " + subnet);
    }
    return a.toPrefixBlock().getLower().withoutPrefixLength().increment(1).toCanonicalString();
  }
}
