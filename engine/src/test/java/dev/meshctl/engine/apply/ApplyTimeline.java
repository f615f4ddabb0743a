package dev.meshctl.engine.apply;

import dev.meshctl.engine.plan.PlanAction;
import dev.meshctl.engine.plan.PlanActionType;
import dev.meshctl.engine.progress.Progress;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Where an apply's time went: when the walk began and ended, and for each action type the first
 * start and last finish, all relative to a start instant. Events arrive on the walk's context, so
 * no locking.
 */
final class ApplyTimeline implements Progress<PlanAction> {
  private final long originNanos;
  private long walkBegin = -1;
  private long walkEnd = -1;
  private final Map<PlanActionType, long[]> spans = new EnumMap<>(PlanActionType.class);

  ApplyTimeline(long originNanos) {
    this.originNanos = originNanos;
  }

  @Override
  public void begin(int total) {
    walkBegin = System.nanoTime();
  }

  @Override
  public void started(PlanAction node) {
    long now = System.nanoTime();
    spans.computeIfAbsent(PlanActionType.of(node), t -> new long[] {now, now})[0] =
        Math.min(spans.get(PlanActionType.of(node))[0], now);
  }

  @Override
  public void succeeded(PlanAction node, Duration duration) {
    finished(node);
  }

  @Override
  public void failed(PlanAction node, Duration duration, Throwable error) {
    finished(node);
  }

  private void finished(PlanAction node) {
    long now = System.nanoTime();
    long[] span = spans.computeIfAbsent(PlanActionType.of(node), t -> new long[] {now, now});
    span[1] = Math.max(span[1], now);
  }

  /** When the last action of {@code type} ended, in {@link System#nanoTime()}; empty if none ran. */
  java.util.OptionalLong lastEnd(PlanActionType type) {
    long[] span = spans.get(type);
    return span == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(span[1]);
  }

  @Override
  public void close() {
    walkEnd = System.nanoTime();
  }

  /**
   * e.g. {@code walk 0.31-9.80s; upload_license 0.31-0.35; ...; after walk 0.52s}, with {@code
   * endNanos} the end of the whole apply.
   */
  String describe(long endNanos) {
    StringJoiner line = new StringJoiner("; ");
    line.add("walk " + at(walkBegin) + "-" + at(walkEnd) + "s");
    spans.forEach((type, span) -> line.add(type + " " + at(span[0]) + "-" + at(span[1])));
    line.add(String.format(Locale.ROOT, "after walk %.2fs", (endNanos - walkEnd) / 1e9));
    return line.toString();
  }

  private String at(long nanos) {
    return String.format(Locale.ROOT, "%.2f", (nanos - originNanos) / 1e9);
  }
}
