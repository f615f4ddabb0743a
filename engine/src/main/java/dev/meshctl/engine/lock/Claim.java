package dev.meshctl.engine.lock;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One claim on the apply lock as the root lists it: a custom variable whose name is unique to one
 * run and one renewal ({@code meshctl_lock_<run id>_<n>}), holding a {@link Lease}.
 *
 * @param name the variable's name as meshctl created it
 * @param listedAs the name the root lists it by: the same, or with the {@code custom_} prefix the
 *     vendor's SDK mentions ("resolvable by custom_[name]")
 * @param value the stored text, a lease unless someone else wrote it
 */
public record Claim(String name, String listedAs, String value) {
  /** Every claim's name starts with this; {@code meshctl_lock} alone is an older meshctl's lease. */
  public static final String PREFIX = "meshctl_lock";

  private static final String LISTING_PREFIX = "custom_";
  private static final Pattern NAME = Pattern.compile(PREFIX + "(_[A-Za-z0-9_]+)?");

  /** The name of a run's {@code n}-th claim. */
  static String name(String runId, long n) {
    return PREFIX + "_" + runId + "_" + n;
  }

  /** The claim a listed variable is, if it is one (listed with or without {@code custom_}). */
  public static Optional<Claim> fromListing(String listedAs, String value) {
    if (NAME.matcher(listedAs).matches()) {
      return Optional.of(new Claim(listedAs, listedAs, value));
    }
    if (listedAs.startsWith(LISTING_PREFIX)) {
      String bare = listedAs.substring(LISTING_PREFIX.length());
      if (NAME.matcher(bare).matches()) {
        return Optional.of(new Claim(bare, listedAs, value));
      }
    }
    return Optional.empty();
  }

  /** The lease it holds; empty when the value is not one (edited by hand, another tool). */
  public Optional<Lease> lease() {
    return Lease.parse(value);
  }
}
