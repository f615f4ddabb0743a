package dev.meshctl.engine.apply;

import dev.meshctl.dsl.model.ExecutionSpec;
import java.time.Duration;

/**
 * How one apply runs.
 *
 * @param parallelism the most actions running at once across the mesh; 0 for no limit
 * @param perControllerLimit the most actions running at once on one controller, so a controller's
 *     API is not flooded; 0 for no limit
 * @param useLock take the apply lock on the root controller (off only in emergencies)
 * @param lockTimeout how long to wait for another run's lock; zero refuses at once
 * @param breakLock delete any existing lock first, live or not
 * @param holder who runs it, {@code user@host:pid}, shown to a run that finds the lock taken
 * @param verifyTimeout how long verification waits for peer links to report reachable
 */
public record ApplyOptions(
    int parallelism,
    int perControllerLimit,
    boolean useLock,
    Duration lockTimeout,
    boolean breakLock,
    String holder,
    Duration verifyTimeout) {

  public static final int DEFAULT_PER_CONTROLLER_LIMIT = ExecutionSpec.DEFAULT_PER_CONTROLLER;
  public static final Duration DEFAULT_VERIFY_TIMEOUT = Duration.ofSeconds(60);

  /**
   * Defaults: the given parallelism, the default per-controller limit, a lock refused at once when
   * held, 60 s to verify.
   */
  public static ApplyOptions defaults(int parallelism, String holder) {
    return new ApplyOptions(
        parallelism, DEFAULT_PER_CONTROLLER_LIMIT, true, Duration.ZERO, false, holder, DEFAULT_VERIFY_TIMEOUT);
  }

  /** Defaults with the limits of the spec's {@code execution}. */
  public static ApplyOptions of(ExecutionSpec execution, String holder) {
    return defaults(execution.parallelism(), holder).withPerControllerLimit(execution.perController());
  }

  public ApplyOptions withLock(boolean use, Duration timeout, boolean breakIt) {
    return new ApplyOptions(parallelism, perControllerLimit, use, timeout, breakIt, holder, verifyTimeout);
  }

  public ApplyOptions withParallelism(int limit) {
    return new ApplyOptions(limit, perControllerLimit, useLock, lockTimeout, breakLock, holder, verifyTimeout);
  }

  public ApplyOptions withPerControllerLimit(int limit) {
    return new ApplyOptions(parallelism, limit, useLock, lockTimeout, breakLock, holder, verifyTimeout);
  }

  public ApplyOptions withVerifyTimeout(Duration timeout) {
    return new ApplyOptions(parallelism, perControllerLimit, useLock, lockTimeout, breakLock, holder, timeout);
  }
}
