package dev.meshctl.dsl.check;

import inet.ipaddr.AddressStringParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import java.util.Optional;

/** Strict parsing of the IP addresses and CIDR blocks a spec contains (no wildcards, ranges or masks). */
public final class Addresses {
  private static final IPAddressStringParameters STRICT =
      new IPAddressStringParameters.Builder()
          .allowEmpty(false)
          .allowAll(false)
          .allowSingleSegment(false)
          .allowMask(false)
          .allowPrefixOnly(false)
          .allowWildcardedSeparator(false)
          .allow_inet_aton(false)
          .setRangeOptions(AddressStringParameters.RangeParameters.NO_RANGE)
          .toParams();

  private Addresses() {}

  /** A single IP address without a prefix, e.g. {@code 10.0.1.10}. */
  public static Optional<IPAddress> ip(String text) {
    IPAddressString s = new IPAddressString(text.strip(), STRICT);
    IPAddress a = s.getAddress();
    return a == null || s.isPrefixed() ? Optional.empty() : Optional.of(a);
  }

  /** A CIDR block with a prefix length, e.g. {@code 10.0.1.0/25} (host bits may be set). */
  public static Optional<IPAddress> cidr(String text) {
    IPAddressString s = new IPAddressString(text.strip(), STRICT);
    IPAddress a = s.getAddress();
    return a == null || !s.isPrefixed() ? Optional.empty() : Optional.of(a);
  }

  /** Whether the block has host bits set, e.g. {@code 10.0.1.5/25}. */
  public static boolean hasHostBits(IPAddress cidr) {
    return !cidr.getLower().getValue().equals(cidr.toPrefixBlock().getLower().getValue());
  }

  /** The block's network form, e.g. {@code 10.0.1.0/25} for {@code 10.0.1.5/25}. */
  public static IPAddress network(IPAddress cidr) {
    return cidr.toPrefixBlock();
  }

  /** Whether {@code ip} lies in the block {@code cidr}. */
  public static boolean contains(IPAddress cidr, IPAddress ip) {
    return cidr.toPrefixBlock().contains(ip);
  }

  /** Whether two blocks share any address. */
  public static boolean overlap(IPAddress a, IPAddress b) {
    return a.toPrefixBlock().overlaps(b.toPrefixBlock());
  }
}
