package dev.meshctl.engine.reconcile;

import dev.meshctl.engine.lock.LockSettings;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * How the reconciliation loop runs.
 *
 * @param interval the pause between the end of one tick and the start of the next, before jitter
 * @param jitter the fraction of the interval added at random (0..1), so several loops or a fleet
 *     of meshes do not tick in step
 * @param backoff how long a failing controller is left alone
 * @param dryRun only read, diff and report; never take the lock or change anything
 * @param useLock hold the apply lock on the root controller during each tick's changes
 * @param lock how the lock is kept
 * @param holder who runs the loop, {@code user@host:pid}, shown to an apply that finds it locked
 * @param perControllerLimit the most actions at once on one controller (0: no limit); empty: the
 *     spec's {@code execution.per_controller}
 */
public record ReconcileOptions(
    Duration interval,
    double jitter,
    BackoffPolicy backoff,
    boolean dryRun,
    boolean useLock,
    LockSettings lock,
    String holder,
    OptionalInt perControllerLimit) {

  public ReconcileOptions {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("the interval must be positive: " + interval);
    }
    if (jitter < 0 || jitter > 1) {
      throw new IllegalArgumentException("jitter must be in 0..1: " + jitter);
    }
  }

  /** A 10 % jitter, the default backoff and lock, every change under the lock. */
  public static ReconcileOptions defaults(Duration interval, String holder) {
    return new ReconcileOptions(
        interval, 0.1, BackoffPolicy.DEFAULT, false, true, LockSettings.DEFAULT, holder, OptionalInt.empty());
  }

  public ReconcileOptions withDryRun(boolean dry) {
    return new ReconcileOptions(interval, jitter, backoff, dry, useLock, lock, holder, perControllerLimit);
  }

  public ReconcileOptions withBackoff(BackoffPolicy policy) {
    return new ReconcileOptions(interval, jitter, policy, dryRun, useLock, lock, holder, perControllerLimit);
  }

  public ReconcileOptions withJitter(double fraction) {
    return new ReconcileOptions(interval, fraction, backoff, dryRun, useLock, lock, holder, perControllerLimit);
  }

  public ReconcileOptions withPerControllerLimit(OptionalInt limit) {
    return new ReconcileOptions(interval, jitter, backoff, dryRun, useLock, lock, holder, limit);
  }

  public ReconcileOptions withLock(boolean use, LockSettings settings) {
    return new ReconcileOptions(interval, jitter, backoff, dryRun, use, settings, holder, perControllerLimit);
  }
}
