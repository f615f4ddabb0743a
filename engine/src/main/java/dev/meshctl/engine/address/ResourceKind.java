package dev.meshctl.engine.address;

/**
 * The kinds of resource meshctl manages on a controller, in the order they are listed in output
 * (the order a controller is set up in).
 */
public enum ResourceKind {
  /** The controller as a whole; used for per-controller messages such as "cannot read". */
  CONTROLLER(""),
  LICENSE("license"),
  KEYSET("keyset"),
  NAMES("names"),
  PEER_ID("peer_id"),
  PEER("peer"),
  ROUTE("route");

  private final String label;

  ResourceKind(String label) {
    this.label = label;
  }

  /** The name used after the dot in an address, e.g. {@code peer} in {@code .peer[2]}. */
  public String label() {
    return label;
  }

  /** Whether addresses of this kind carry a key ({@code [2]} or {@code ["10.0.2.10/32"]}). */
  public boolean keyed() {
    return this == PEER || this == ROUTE;
  }
}
