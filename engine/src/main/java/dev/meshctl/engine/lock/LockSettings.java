package dev.meshctl.engine.lock;

import java.time.Duration;

/**
 * How the apply lock is kept.
 *
 * @param lease how long a lease stands without renewal; a run that died leaves the mesh locked at
 *     most this long
 * @param renewEvery how often a running apply renews its lease; well under {@code lease} so that
 *     one slow renewal does not lose it
 * @param retryEvery how often a waiting apply looks again at another run's lease
 */
public record LockSettings(Duration lease, Duration renewEvery, Duration retryEvery) {
  public static final LockSettings DEFAULT =
      new LockSettings(Duration.ofSeconds(60), Duration.ofSeconds(20), Duration.ofSeconds(2));

  public LockSettings {
    if (renewEvery.compareTo(lease) >= 0) {
      throw new IllegalArgumentException("the lease must outlast its renewal interval");
    }
  }
}
