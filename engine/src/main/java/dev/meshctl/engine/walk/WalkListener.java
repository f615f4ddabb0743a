package dev.meshctl.engine.walk;

import java.time.Duration;

/**
 * Observes a walk as it happens. Every call is made on the walk's Vert.x context, in the order the
 * events happen, so an implementation needs no locking; it must not block.
 */
public interface WalkListener<N> {
  /** A listener that ignores every event. */
  static <N> WalkListener<N> none() {
    return new WalkListener<>() {};
  }

  default void started(N node) {}

  default void succeeded(N node, Duration duration) {}

  default void failed(N node, Duration duration, Throwable error) {}

  /**
   * @param reason e.g. {@code skipped: license.root failed}
   */
  default void skipped(N node, String reason) {}
}
