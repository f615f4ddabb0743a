package dev.meshctl.cli;

import dev.meshctl.engine.lock.Holding;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What an apply waiting for another run's lock (--lock-timeout) prints: at once who holds it,
 * since when and when its lease expires, then a {@link WaitNotices} line every interval, so the
 * wait is never silent and always names the run it waits for.
 */
final class LockWaitNotices {
  private final PrintWriter out;
  private final Duration interval;
  private final Clock clock;
  /** Set on the first wait; the lock's attempts run one after another, never at once. */
  private Instant since;
  private Instant lastTold;

  LockWaitNotices(PrintWriter out, Duration interval, Clock clock) {
    this.out = out;
    this.interval = interval;
    this.clock = clock;
  }

  /** Told by the lock each time it finds {@code others} holding it and waits. */
  synchronized void waiting(List<Holding> others) {
    if (others.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    String holder = others.get(0).describe();
    if (since == null) {
      since = now;
      lastTold = now;
      out.println("waiting for the apply lock, held by " + holder);
    } else if (!now.isBefore(lastTold.plus(interval))) {
      lastTold = now;
      out.println(WaitNotices.line("the apply lock", Duration.between(since, now)) + ", held by " + holder);
    } else {
      return;
    }
    out.flush();
  }
}
