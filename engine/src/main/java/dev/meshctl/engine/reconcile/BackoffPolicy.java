package dev.meshctl.engine.reconcile;

import java.time.Duration;

/**
 * How long a controller that keeps failing is left alone: the delay doubles with every
 * consecutive failed attempt, from {@code base} up to {@code cap}.
 *
 * @param base the delay after the first failure
 * @param cap the longest delay, however many failures
 */
public record BackoffPolicy(Duration base, Duration cap) {
  /** 30 s doubling up to 10 minutes: a dead controller costs one full attempt per 10 minutes. */
  public static final BackoffPolicy DEFAULT =
      new BackoffPolicy(Duration.ofSeconds(30), Duration.ofMinutes(10));

  public BackoffPolicy {
    if (base.isNegative() || base.isZero()) {
      throw new IllegalArgumentException("the backoff base must be positive: " + base);
    }
    if (cap.compareTo(base) < 0) {
      throw new IllegalArgumentException("the backoff cap must be at least the base: " + cap);
    }
  }

  /** The delay after {@code failures} consecutive failures (zero for none). */
  public Duration delay(int failures) {
    if (failures <= 0) {
      return Duration.ZERO;
    }
    // Doubling past 2^30 overflows; the cap is long reached by then.
    int shift = Math.min(failures - 1, 30);
    Duration d = base.multipliedBy(1L << shift);
    return d.compareTo(cap) > 0 ? cap : d;
  }
}
