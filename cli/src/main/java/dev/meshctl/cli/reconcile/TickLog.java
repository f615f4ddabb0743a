package dev.meshctl.cli.reconcile;

import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.engine.reconcile.ActionEvent;
import dev.meshctl.engine.reconcile.ControllerBackoff;
import dev.meshctl.engine.reconcile.ReconcileListener;
import dev.meshctl.engine.reconcile.TickReport;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The loop's log: one line per action and one per tick, as {@code key=value} text or as one JSON
 * object per line, every line passed through the {@link Redactor}.
 */
public final class TickLog implements ReconcileListener {
  private final PrintWriter out;
  private final LogFormat format;
  private final Redactor redactor;
  private final Clock clock;

  public TickLog(PrintWriter out, LogFormat format, Redactor redactor, Clock clock) {
    this.out = out;
    this.format = format;
    this.redactor = redactor;
    this.clock = clock;
  }

  @Override
  public void action(ActionEvent e) {
    write(format == LogFormat.JSON ? actionJson(e).encode() : actionText(e));
  }

  @Override
  public void tick(TickReport r) {
    write(format == LogFormat.JSON ? tickJson(r).encode() : tickText(r));
  }

  private synchronized void write(String line) {
    out.println(redactor.redact(line));
    out.flush();
  }

  JsonObject actionJson(ActionEvent e) {
    JsonObject o =
        new JsonObject()
            .put("time", clock.instant().toString())
            .put("event", "action")
            .put("tick", e.tick())
            .put("controller", e.action().controller())
            .put("action", e.action().type())
            .put("address", e.action().address().toString())
            .put("status", e.status().label())
            .put("duration_ms", e.duration().toMillis());
    e.detail().ifPresent(d -> o.put("detail", d));
    return o;
  }

  String actionText(ActionEvent e) {
    StringBuilder sb = new StringBuilder();
    sb.append(clock.instant()).append(" tick=").append(e.tick());
    sb.append(" action=").append(e.action().type());
    sb.append(" address=").append(e.action().address());
    sb.append(" status=").append(e.status().label());
    sb.append(" duration=").append(seconds(e.duration()));
    e.detail().ifPresent(d -> sb.append(" detail=").append(quote(d)));
    return sb.toString();
  }

  JsonObject tickJson(TickReport r) {
    JsonObject o =
        new JsonObject()
            .put("time", clock.instant().toString())
            .put("event", "tick")
            .put("tick", r.tick())
            .put("outcome", r.outcome().label())
            .put("dry_run", r.dryRun())
            .put("spec", r.spec().label())
            .put("lock", r.lock().label())
            .put("elapsed_ms", r.elapsed().toMillis())
            .put("drift_found", counts(r.driftFound()))
            .put("drift_found_at", driftAt(r.driftFoundAt()))
            .put("drift_repaired", counts(r.driftRepaired()))
            .put("actions", r.actionsRun())
            .put("failed", r.actionsFailed())
            .put("remaining", r.remaining());
    r.lockDetail().ifPresent(d -> o.put("lock_detail", d));
    r.keysetSource().ifPresent(s -> o.put("keyset_source", s));
    o.put("fresh", new JsonArray(new ArrayList<>(r.fresh())));
    o.put("unreachable", new JsonObject(new java.util.LinkedHashMap<>(r.unreadable())));
    o.put("unreachable_links", new JsonArray(r.unreachableLinks()));
    o.put("irreversible", diagnostics(r.irreversible()));
    o.put("withheld", new JsonArray(r.withheld()));
    JsonObject backoffs = new JsonObject();
    for (Map.Entry<String, ControllerBackoff> b : r.backoffs().entrySet()) {
      backoffs.put(
          b.getKey(),
          new JsonObject()
              .put("failures", b.getValue().failures())
              .put("delay_ms", b.getValue().delay().toMillis())
              .put("retry_at", b.getValue().retryAt().toString())
              .put("reason", b.getValue().reason()));
    }
    o.put("backoff", backoffs);
    if (!r.specProblems().isEmpty()) {
      o.put("spec_problems", diagnostics(r.specProblems()));
    }
    r.error().ifPresent(e -> o.put("error", e));
    return o;
  }

  String tickText(TickReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append(clock.instant()).append(" tick=").append(r.tick());
    sb.append(" outcome=").append(r.outcome().label());
    if (r.dryRun()) {
      sb.append(" dry_run=true");
    }
    sb.append(" spec=").append(r.spec().label());
    sb.append(" lock=").append(r.lock().label());
    sb.append(" found=").append(pairs(r.driftFound()));
    // A dry run runs no action, so no action line names what was found: the tick line does.
    if (r.dryRun() && !r.driftFoundAt().isEmpty()) {
      List<String> at = new ArrayList<>();
      r.driftFoundAt().forEach((address, action) -> at.add(action + " " + address));
      sb.append(" found_at=").append(quote(String.join(", ", at)));
    }
    sb.append(" repaired=").append(pairs(r.driftRepaired()));
    sb.append(" actions=").append(r.actionsRun()).append(" failed=").append(r.actionsFailed());
    sb.append(" irreversible=").append(r.irreversible().size());
    sb.append(" unreachable=").append(r.unreadable().isEmpty() ? "-" : String.join(",", r.unreadable().keySet()));
    List<String> backoff = new ArrayList<>();
    r.backoffs().forEach((c, b) -> backoff.add(c + ":" + seconds(b.delay())));
    sb.append(" backoff=").append(backoff.isEmpty() ? "-" : String.join(",", backoff));
    r.keysetSource().ifPresent(s -> sb.append(" keyset_source=").append(s));
    sb.append(" elapsed=").append(seconds(r.elapsed()));
    r.lockDetail().ifPresent(d -> sb.append(" lock_detail=").append(quote(d)));
    if (!r.irreversible().isEmpty()) {
      sb.append(" problems=").append(quote(String.join("; ", r.irreversible().stream().map(TickLog::oneLine).toList())));
    }
    if (!r.specProblems().isEmpty()) {
      sb.append(" spec_problems=")
          .append(quote(String.join("; ", r.specProblems().stream().map(Diagnostic::format).toList())));
    }
    r.error().ifPresent(e -> sb.append(" error=").append(quote(e)));
    return sb.toString();
  }

  private static String oneLine(Diagnostic d) {
    return d.path() + ": " + d.message();
  }

  private static JsonArray diagnostics(List<Diagnostic> ds) {
    JsonArray a = new JsonArray();
    for (Diagnostic d : ds) {
      JsonObject o = new JsonObject().put("severity", d.severity().label()).put("message", d.message()).put("path", d.path());
      d.location().ifPresent(l -> o.put("location", l.toString()));
      d.hint().ifPresent(h -> o.put("hint", h));
      a.add(o);
    }
    return a;
  }

  private static JsonArray driftAt(SortedMap<String, String> m) {
    JsonArray a = new JsonArray();
    m.forEach((address, action) -> a.add(new JsonObject().put("address", address).put("action", action)));
    return a;
  }

  private static JsonObject counts(SortedMap<String, Integer> m) {
    JsonObject o = new JsonObject();
    m.forEach(o::put);
    return o;
  }

  private static String pairs(SortedMap<String, Integer> m) {
    if (m.isEmpty()) {
      return "-";
    }
    List<String> out = new ArrayList<>();
    m.forEach((k, v) -> out.add(k + ":" + v));
    return String.join(",", out);
  }

  private static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.3fs", d.toNanos() / 1e9);
  }

  private static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + '"';
  }
}
