package dev.meshctl.engine.reconcile;

/** What a tick did about the apply lock. */
public enum LockStatus {
  /** No change to make (or a dry run, or the lock is off): the lock was not needed. */
  NOT_NEEDED,
  /** Taken for the tick's changes and released. */
  HELD,
  /** Another run holds it: the tick changed nothing. */
  HELD_ELSEWHERE,
  /**
   * The root controller, where the lock lives, cannot be reached: the tick repaired the other
   * controllers without it (an apply cannot take the lock either while the root is unreachable).
   */
  UNAVAILABLE;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
