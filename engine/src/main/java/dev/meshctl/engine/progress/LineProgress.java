package dev.meshctl.engine.progress;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Function;

/**
 * Progress for logs and pipes: one line per action start and end, with its duration, e.g.
 *
 * <pre>
 * controller["ctl1"].license: starting
 * controller["ctl1"].license: done after 1.2s
 * controller["ctl2"].keyset: FAILED after 4.0s: connection refused
 * controller["ctl2"].peer[1]: skipped: controller["ctl2"].keyset failed
 * </pre>
 */
public final class LineProgress<N> implements Progress<N> {
  private final QueuedOutput out;
  private final Function<N, String> name;

  /** @param out written by a thread of its own ({@link QueuedOutput}), never on the walk's loop */
  public LineProgress(PrintWriter out, Function<N, String> name) {
    this.out = new QueuedOutput(out);
    this.name = name;
  }

  @Override
  public void started(N node) {
    line(node, "starting");
  }

  @Override
  public void succeeded(N node, Duration duration) {
    line(node, "done after " + Durations.format(duration));
  }

  @Override
  public void failed(N node, Duration duration, Throwable error) {
    line(node, "FAILED after " + Durations.format(duration) + ": " + Progress.describe(error));
  }

  @Override
  public void skipped(N node, String reason) {
    line(node, reason);
  }

  @Override
  public io.vertx.core.Future<Void> drained() {
    return out.drained();
  }

  private void line(N node, String what) {
    out.print(name.apply(node) + ": " + what + System.lineSeparator());
  }
}
