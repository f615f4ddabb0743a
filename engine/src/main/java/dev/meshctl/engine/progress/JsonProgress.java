package dev.meshctl.engine.progress;

import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/**
 * Progress for programs: one JSON object per line, e.g. {@code {"type":"action_started",
 * "ts":"2026-01-01T00:00:00Z","address":"controller[\"ctl1\"].license",
 * "action_type":"upload_license"}}. The address is the resource's canonical text alone, so a
 * program can match it against the plan; the action's type is its own field. Types: {@code
 * apply_started} (with {@code total}), {@code action_started}, {@code action_succeeded} and
 * {@code action_failed} (with {@code duration_ms}, and {@code error}), {@code action_skipped}
 * (with {@code reason}).
 */
public final class JsonProgress<N> implements Progress<N> {
  private final QueuedOutput out;
  private final Function<N, String> address;
  private final Function<N, String> actionType;
  private final Clock clock;

  /**
   * @param address a node's resource address, e.g. {@code controller["a"].peer[2]}
   * @param actionType a node's action type, e.g. {@code create_peer}
   */
  public JsonProgress(
      PrintWriter out, Function<N, String> address, Function<N, String> actionType, Clock clock) {
    this.out = new QueuedOutput(out);
    this.address = address;
    this.actionType = actionType;
    this.clock = clock;
  }

  @Override
  public void begin(int total) {
    emit(event("apply_started").put("total", total));
  }

  @Override
  public void started(N node) {
    emit(event("action_started", node));
  }

  @Override
  public void succeeded(N node, Duration duration) {
    emit(event("action_succeeded", node).put("duration_ms", duration.toMillis()));
  }

  @Override
  public void failed(N node, Duration duration, Throwable error) {
    emit(
        event("action_failed", node)
            .put("duration_ms", duration.toMillis())
            .put("error", Progress.describe(error)));
  }

  @Override
  public void skipped(N node, String reason) {
    emit(event("action_skipped", node).put("reason", reason));
  }

  /** Queues one more event of the caller's own type (e.g. a verification result). */
  public void emit(JsonObject event) {
    out.print(event.encode() + System.lineSeparator());
  }

  @Override
  public io.vertx.core.Future<Void> drained() {
    return out.drained();
  }

  /** An event of the given type, stamped with the current time. */
  public JsonObject event(String type) {
    return new JsonObject().put("type", type).put("ts", clock.instant().toString());
  }

  private JsonObject event(String type, N node) {
    return event(type)
        .put("address", address.apply(node))
        .put("action_type", actionType.apply(node));
  }
}
