package dev.meshctl.cli;

import dev.meshctl.cli.views.View;
import dev.meshctl.engine.live.ReadListener;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a person sees while the controllers are read: a controller that does not answer in time
 * is named, through the command's view, the moment its time is up, with the calls it left unanswered; on a terminal,
 * a status line names the controllers still being waited for once the read takes more than a
 * moment, and is cleared when it ends.
 */
final class ReadWatch implements ReadListener, AutoCloseable {
  /** How long a read may take before the terminal shows what it waits for. */
  private static final Duration QUIET = Duration.ofSeconds(1);

  private final View view;
  private final PrintWriter err;
  private final Set<String> waiting;
  private final Vertx vertx;
  private final long startNanos = System.nanoTime();
  private long timer = -1;
  private boolean shown;

  private ReadWatch(Vertx vertx, View view, PrintWriter err, Set<String> controllers) {
    this.vertx = vertx;
    this.view = view;
    this.err = err;
    this.waiting = new TreeSet<>(controllers);
  }

  /** Timeout lines only: for runs that show their own progress (apply). */
  static ReadWatch lines(View view, PrintWriter err) {
    return new ReadWatch(null, view, err, Set.of());
  }

  /** Timeout lines, and on a terminal the status line of {@code controllers} not answered yet. */
  static ReadWatch start(Vertx vertx, View view, PrintWriter err, List<String> controllers, boolean terminal) {
    ReadWatch w = new ReadWatch(vertx, view, err, new TreeSet<>(controllers));
    if (terminal) {
      w.timer = vertx.setPeriodic(QUIET.toMillis(), id -> w.show());
    }
    return w;
  }

  @Override
  public synchronized void answered(String controller) {
    waiting.remove(controller);
  }

  @Override
  public synchronized void timedOut(String controller, List<String> calls, Duration after) {
    waiting.remove(controller);
    clear();
    view.warning(
        "controller \""
            + controller
            + "\" did not answer "
            + String.join(", ", calls)
            + " within "
            + WaitNotices.elapsed(after)
            + " (its request timeout): not waiting for it any longer; it is reported as unreadable");
  }

  private synchronized void show() {
    if (waiting.isEmpty()) {
      return;
    }
    List<String> names = new ArrayList<>(waiting);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
    err.print(
        "\r\033[Kreading the controllers: waiting for "
            + String.join(", ", names)
            + " ("
            + WaitNotices.elapsed(elapsed)
            + ")");
    err.flush();
    shown = true;
  }

  /** Removes the status line, so what follows starts on a clean line. */
  private void clear() {
    if (shown) {
      err.print("\r\033[K");
      err.flush();
      shown = false;
    }
  }

  @Override
  public synchronized void close() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
    clear();
  }
}
