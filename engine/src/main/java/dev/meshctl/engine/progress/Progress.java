package dev.meshctl.engine.progress;

import dev.meshctl.engine.walk.WalkListener;
import io.vertx.core.Future;

/**
 * Shows a running walk to a person or a program. Events arrive on the walk's context; {@link
 * #close()} ends the display (stops timers, leaves the last state on screen).
 */
public interface Progress<N> extends WalkListener<N>, AutoCloseable {
  /** Says how many actions the walk will run, before the first starts. */
  default void begin(int total) {}

  @Override
  default void close() {}

  /**
   * Completes once everything shown so far has reached the output. Printers write through a
   * {@link QueuedOutput}, never on the event loop that reports the events, so the caller waits
   * for this before printing what follows the walk.
   */
  default Future<Void> drained() {
    return Future.succeededFuture();
  }

  /** A one-line, secret-free description of why an action failed. */
  static String describe(Throwable error) {
    String m = error.getMessage();
    return m == null || m.isBlank() ? error.getClass().getSimpleName() : m.strip().replace('\n', ' ');
  }
}
