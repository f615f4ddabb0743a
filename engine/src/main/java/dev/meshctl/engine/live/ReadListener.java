package dev.meshctl.engine.live;

import java.time.Duration;
import java.util.List;

/**
 * Told how a read of the controllers goes, as it goes: so a user hears of a controller that does
 * not answer when its time is up, not when the slowest read ends. Calls come on event-loop
 * threads and must not block.
 */
public interface ReadListener {
  /** A listener that is told nothing. */
  ReadListener NONE = new ReadListener() {};

  /** {@code controller} answered every read, or failed them for a reason other than time. */
  default void answered(String controller) {}

  /**
   * {@code controller} left {@code calls} unanswered for {@code after}, its request timeout: it
   * is read as unreadable and no longer waited for.
   */
  default void timedOut(String controller, List<String> calls, Duration after) {}
}
