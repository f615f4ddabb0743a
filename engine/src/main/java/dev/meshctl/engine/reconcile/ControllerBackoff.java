package dev.meshctl.engine.reconcile;

import java.time.Duration;
import java.time.Instant;

/**
 * A controller that failed its last attempts and is left alone until {@code retryAt}.
 *
 * @param failures consecutive failed attempts
 * @param delay the current backoff, from the last failure to {@code retryAt}
 * @param retryAt when the next full attempt is due
 * @param reason why the last attempt failed, one secret-free sentence
 * @param unreachable whether it could not be read at all (then a cheap probe each tick tells
 *     when it is back); otherwise it answered but its actions failed
 */
public record ControllerBackoff(
    int failures, Duration delay, Instant retryAt, String reason, boolean unreachable) {

  /** Whether a full attempt must still wait at {@code now}. */
  public boolean waitingAt(Instant now) {
    return now.isBefore(retryAt);
  }
}
