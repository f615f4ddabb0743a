package dev.meshctl.engine.apply;

/** How an apply ended. */
public enum ApplyOutcome {
  /** The mesh already matched the spec and verified; nothing was written. */
  NO_CHANGES(true),
  /** Every action succeeded and the mesh verified. */
  APPLIED(true),
  /** Some action failed; its dependents were skipped. */
  FAILED(false),
  /** Every action succeeded but the mesh did not verify. */
  NOT_CONVERGED(false),
  /**
   * Stopped because another run deleted this run's lock ({@code --break-lock}, {@code unlock}) or
   * its lease lapsed: no action started after that was noticed.
   */
  LOCK_LOST(false),
  /** Stopped on request before every action ran. */
  CANCELLED(false),
  /** The user did not approve the plan. */
  DECLINED(false),
  /** Refused before any change: lock held, stale saved plan, irreversible problem, unreadable controller. */
  REFUSED(false);

  private final boolean success;

  ApplyOutcome(boolean success) {
    this.success = success;
  }

  public boolean success() {
    return success;
  }
}
