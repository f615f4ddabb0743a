package dev.meshctl.engine.client;

import java.time.Duration;
import java.util.Random;
import java.util.function.Supplier;

/**
 * How often and how patiently a call is repeated after a transient failure: capped exponential
 * backoff with jitter. The policy is immutable; every call takes {@link #start()} for its own
 * retry state, so no state is shared between calls.
 *
 * @param maxAttempts the most attempts in all, the first included (1 = never retry)
 * @param baseDelay the delay before the second attempt, before jitter
 * @param maxDelay the cap on any one delay
 * @param jitter the fraction of each delay drawn at random, in 0..1 (0.5: a delay is 50 %..100 %
 *     of its nominal value), so that many controllers' retries do not fall in step
 * @param random where the jitter comes from; a seeded source makes delays reproducible in tests
 */
public record RetryPolicy(
    int maxAttempts, Duration baseDelay, Duration maxDelay, double jitter, Supplier<Random> random) {

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (jitter < 0 || jitter > 1) {
      throw new IllegalArgumentException("jitter must be in 0..1");
    }
  }

  /** Five attempts, 200 ms doubling to at most 5 s, half jitter. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(5), 0.5, Random::new);

  /** A single attempt. */
  public static final RetryPolicy NONE =
      new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 0, Random::new);

  /** Fresh retry state for one call. */
  public Attempts start() {
    return new Attempts(this, random.get());
  }

  /** The retry state of one call: how many attempts were made and the next delay. */
  public static final class Attempts {
    private final RetryPolicy policy;
    private final Random random;
    private int made;

    private Attempts(RetryPolicy policy, Random random) {
      this.policy = policy;
      this.random = random;
    }

    /** Counts one attempt; answers its number, starting at 1. */
    public int begin() {
      return ++made;
    }

    public int made() {
      return made;
    }

    public boolean exhausted() {
      return made >= policy.maxAttempts();
    }

    /** The delay before the next attempt, in milliseconds (at least 1, as Vert.x timers need). */
    public long nextDelayMillis() {
      double nominal =
          Math.min(
              policy.maxDelay().toMillis(),
              policy.baseDelay().toMillis() * Math.pow(2, Math.max(0, made - 1)));
      double jittered = nominal * (1 - policy.jitter() * random.nextDouble());
      return Math.max(1, Math.round(jittered));
    }
  }
}
