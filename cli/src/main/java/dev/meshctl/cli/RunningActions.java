package dev.meshctl.cli;

import dev.meshctl.engine.plan.PlanAction;
import dev.meshctl.engine.progress.Progress;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps an apply's progress display: counts the actions running now (for the Ctrl-C message,
 * read from the signal thread) and, outside a terminal, prints a {@link WaitNotices} line every
 * interval for each action still running.
 */
final class RunningActions implements Progress<PlanAction> {
  private final Progress<PlanAction> display;
  private final Vertx vertx;
  private final Optional<PrintWriter> notices;
  private final Duration interval;
  private final AtomicInteger running = new AtomicInteger();
  /** Per running action, its notice timer; touched only on the walk's context. */
  private final Map<PlanAction, Long> timers = new HashMap<>();

  /**
   * @param notices where the still-waiting lines go; empty at a terminal (the live display shows
   *     the waits)
   */
  RunningActions(Progress<PlanAction> display, Vertx vertx, Optional<PrintWriter> notices, Duration interval) {
    this.display = display;
    this.vertx = vertx;
    this.notices = notices;
    this.interval = interval;
  }

  /** How many actions are running now. */
  int running() {
    return running.get();
  }

  @Override
  public void begin(int total) {
    display.begin(total);
  }

  @Override
  public void started(PlanAction action) {
    running.incrementAndGet();
    display.started(action);
    notices.ifPresent(
        out -> {
          long start = System.nanoTime();
          String what = WaitNotices.waitingFor(action);
          timers.put(
              action,
              vertx.setPeriodic(
                  interval.toMillis(),
                  id -> {
                    out.println(WaitNotices.line(what, Duration.ofNanos(System.nanoTime() - start)));
                    out.flush();
                  }));
        });
  }

  @Override
  public void succeeded(PlanAction action, Duration duration) {
    ended(action);
    display.succeeded(action, duration);
  }

  @Override
  public void failed(PlanAction action, Duration duration, Throwable error) {
    ended(action);
    display.failed(action, duration, error);
  }

  @Override
  public void skipped(PlanAction action, String reason) {
    display.skipped(action, reason);
  }

  @Override
  public void close() {
    timers.values().forEach(vertx::cancelTimer);
    timers.clear();
    display.close();
  }

  private void ended(PlanAction action) {
    running.decrementAndGet();
    Long timer = timers.remove(action);
    if (timer != null) {
      vertx.cancelTimer(timer);
    }
  }
}
