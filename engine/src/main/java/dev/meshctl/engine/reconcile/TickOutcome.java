package dev.meshctl.engine.reconcile;

/** How one tick ended. */
public enum TickOutcome {
  /** Nothing to change, every controller read, every link reachable. */
  IN_SYNC(true),
  /** Drift was found and repaired; the mesh converged. */
  REPAIRED(true),
  /** Something remains: irreversible drift, a failed action, an unreadable controller or a link still down. */
  DRIFTING(false),
  /** Another run holds the apply lock: nothing was changed this tick. */
  LOCKED(false),
  /** The tick itself failed unexpectedly; the loop goes on. */
  ERROR(false);

  private final boolean converged;

  TickOutcome(boolean converged) {
    this.converged = converged;
  }

  /** Whether the live mesh equals the spec at the end of the tick. */
  public boolean converged() {
    return converged;
  }

  /** The lower-case name used in logs. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
