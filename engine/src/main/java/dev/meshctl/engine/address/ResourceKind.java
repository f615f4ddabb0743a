package dev.meshctl.engine.address;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A kind of resource meshctl manages on a controller. The built-in kinds are constants here, in
 * the order they are listed in output (the order a controller is set up in); a resource handler
 * for a new kind declares its own with {@link #of}, which also lets its addresses be parsed.
 *
 * <p>Kinds are interned by label: declaring one twice gives the first declaration, so {@code ==}
 * compares kinds as it did when they were an enum. Make kinds with {@link #of} only.
 *
 * @param label the name used after the dot in an address, e.g. {@code peer} in {@code .peer[2]}
 * @param rank where its addresses sort among a controller's resources
 * @param keyed whether addresses of this kind carry a key ({@code [2]} or {@code ["10.0.2.10/32"]})
 * @param numericKey whether the key is a number, written unquoted and sorted numerically (peer IDs)
 */
public record ResourceKind(String label, int rank, boolean keyed, boolean numericKey)
    implements Comparable<ResourceKind> {
  private static final Map<String, ResourceKind> BY_LABEL = new ConcurrentHashMap<>();

  /** The controller as a whole; used for per-controller messages such as "cannot read". */
  public static final ResourceKind CONTROLLER = intern(new ResourceKind("", 0, false, false));

  public static final ResourceKind LICENSE = of("license", 1, false);
  public static final ResourceKind KEYSET = of("keyset", 2, false);
  public static final ResourceKind NAMES = of("names", 3, false);
  public static final ResourceKind PEER_ID = of("peer_id", 4, false);
  public static final ResourceKind PEER = intern(new ResourceKind("peer", 5, true, true));
  public static final ResourceKind ROUTE = of("route", 6, true);

  /**
   * The kind with this label, declared now if it is new.
   *
   * @param label lower-case letters and {@code _}
   * @param rank where its addresses sort among a controller's resources (built-ins use 0 to 6)
   * @param keyed whether its addresses carry a quoted text key, as routes do
   */
  public static ResourceKind of(String label, int rank, boolean keyed) {
    if (!label.matches("[a-z_]+")) {
      throw new IllegalArgumentException("a kind's label is lower-case letters and _: " + label);
    }
    return intern(new ResourceKind(label, rank, keyed, false));
  }

  private static ResourceKind intern(ResourceKind k) {
    return BY_LABEL.computeIfAbsent(k.label, l -> k);
  }

  /** The declared kind whose label this is (never the controller's empty label). */
  public static Optional<ResourceKind> byLabel(String label) {
    return Optional.ofNullable(BY_LABEL.get(label)).filter(k -> k != CONTROLLER);
  }

  @Override
  public int compareTo(ResourceKind o) {
    int c = Integer.compare(rank, o.rank);
    return c != 0 ? c : label.compareTo(o.label);
  }

  @Override
  public String toString() {
    return this == CONTROLLER ? "CONTROLLER" : label.toUpperCase(Locale.ROOT);
  }
}
