package dev.meshctl.engine.progress;

import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * Progress for a terminal: finished actions scroll by as lines, and below them a block redrawn in
 * place with ANSI escapes shows done/total and every running action with its elapsed time.
 *
 * <p>Redraws happen on a Vert.x periodic timer, at most {@link #REFRESH_MS} apart, never per
 * event: a mesh of hundreds of actions finishing together costs one redraw. {@link #begin} must be
 * called on the walk's context so the timer and the events share it.
 */
public final class LiveProgress<N> implements Progress<N> {
  /** The shortest time between two redraws. */
  public static final long REFRESH_MS = 100;

  private static final int MAX_RUNNING_SHOWN = 8;
  private static final String UP_AND_CLEAR = "\u001b[%dF\u001b[J";

  private final Vertx vertx;
  private final QueuedOutput out;
  private final Function<N, String> name;
  private final Clock clock;
  private final boolean color;
  private final Instant began;

  private final Map<N, Instant> running = new LinkedHashMap<>();
  private final List<String> pendingLines = new ArrayList<>();
  /** Lines from other threads (a Ctrl-C message), shown above the block at the next redraw. */
  private final Queue<String> notes = new ConcurrentLinkedQueue<>();
  /** Whether the block is being redrawn: between {@link #begin} and {@link #close}. */
  private volatile boolean drawing;
  private int total;
  private int done;
  private int failed;
  private int skipped;
  private int blockLines;
  private long timer = -1;

  public LiveProgress(Vertx vertx, PrintWriter out, Function<N, String> name, Clock clock, boolean color) {
    this.vertx = vertx;
    this.out = new QueuedOutput(out);
    this.name = name;
    this.clock = clock;
    this.color = color;
    this.began = clock.instant();
  }

  @Override
  public void begin(int total) {
    this.total = total;
    drawing = true;
    timer = vertx.setPeriodic(REFRESH_MS, id -> redraw());
    redraw();
  }

  @Override
  public void started(N node) {
    running.put(node, clock.instant());
  }

  @Override
  public void succeeded(N node, Duration duration) {
    running.remove(node);
    done++;
    pendingLines.add(paint("32", "✓") + " " + name.apply(node) + " (" + Durations.format(duration) + ")");
  }

  @Override
  public void failed(N node, Duration duration, Throwable error) {
    running.remove(node);
    failed++;
    pendingLines.add(
        paint("31", "✗")
            + " "
            + name.apply(node)
            + " failed after "
            + Durations.format(duration)
            + ": "
            + Progress.describe(error));
  }

  @Override
  public void skipped(N node, String reason) {
    // An action that declined to start was shown running: it is not any more.
    running.remove(node);
    skipped++;
    pendingLines.add(paint("33", "-") + " " + name.apply(node) + " " + reason);
  }

  /**
   * Shows {@code line} above the block at the next redraw, so the redraw does not overwrite it;
   * callable from any thread. Answers false when no block is drawn (before {@link #begin}, after
   * {@link #close}): then the caller prints the line itself.
   */
  public boolean note(String line) {
    if (!drawing) {
      return false;
    }
    notes.add(line);
    return true;
  }

  @Override
  public void close() {
    drawing = false;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
    redraw();
  }

  /** Replaces the status block with the lines finished since the last redraw and a fresh block. */
  void redraw() {
    StringBuilder sb = new StringBuilder();
    if (blockLines > 0) {
      sb.append(String.format(UP_AND_CLEAR, blockLines));
    }
    for (String line : pendingLines) {
      sb.append(line).append('\n');
    }
    pendingLines.clear();
    for (String note = notes.poll(); note != null; note = notes.poll()) {
      sb.append(note).append('\n');
    }
    List<String> block = block(clock.instant());
    for (String line : block) {
      sb.append(line).append('\n');
    }
    blockLines = block.size();
    // Queued: a terminal that stops reading (a paused pipe, ^S) must not stall the walk's loop.
    out.print(sb.toString());
  }

  @Override
  public io.vertx.core.Future<Void> drained() {
    return out.drained();
  }

  private List<String> block(Instant now) {
    List<String> lines = new ArrayList<>();
    StringBuilder head = new StringBuilder();
    head.append(String.format("[%d/%d] ", done, total));
    head.append(running.size()).append(" running");
    if (failed > 0) {
      head.append(", ").append(paint("31", failed + " failed"));
    }
    if (skipped > 0) {
      head.append(", ").append(skipped).append(" skipped");
    }
    head.append("  ").append(Durations.format(Duration.between(began, now)));
    lines.add(head.toString());
    int shown = 0;
    for (Map.Entry<N, Instant> e : running.entrySet()) {
      if (shown++ == MAX_RUNNING_SHOWN) {
        lines.add("  … and " + (running.size() - MAX_RUNNING_SHOWN) + " more");
        break;
      }
      lines.add(
          "  "
              + paint("36", "•")
              + " "
              + name.apply(e.getKey())
              + " ("
              + Durations.format(Duration.between(e.getValue(), now))
              + ")");
    }
    return lines;
  }

  private String paint(String code, String text) {
    return color ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }
}
