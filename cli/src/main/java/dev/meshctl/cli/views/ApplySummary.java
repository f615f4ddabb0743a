package dev.meshctl.cli.views;

import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.engine.apply.ApplyEngine;
import dev.meshctl.engine.apply.ApplyReport;
import dev.meshctl.engine.apply.Verification;
import dev.meshctl.engine.diff.Change;
import dev.meshctl.engine.plan.PlanAction;
import dev.meshctl.engine.progress.Durations;
import dev.meshctl.engine.progress.Progress;
import dev.meshctl.engine.render.JsonRenderer;
import dev.meshctl.engine.render.Style;
import dev.meshctl.engine.walk.NodeOutcome;
import dev.meshctl.engine.walk.NodeStatus;
import dev.meshctl.engine.walk.WalkReport;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The end of an apply, for people and for programs: what was applied, what failed and why, what
 * was skipped and because of what, and whether the mesh verified. Holds no secret: errors name
 * calls and controllers only.
 */
public final class ApplySummary {
  private ApplySummary() {}

  /** The human summary, several lines, ending in a newline. */
  public static String text(ApplyReport r, Style style) {
    StringBuilder sb = new StringBuilder("\n");
    switch (r.outcome()) {
      case REFUSED -> {
        sb.append(style.red("Apply refused:")).append(" nothing was changed.\n");
        r.problems().forEach(p -> sb.append("  ").append(p.format()).append('\n'));
        return sb.toString();
      }
      case DECLINED -> {
        return sb.append("Apply cancelled: nothing was changed.\n").toString();
      }
      case LOCK_LOST -> {
        r.walk().ifPresent(w -> walk(sb, w, r, style));
        sb.append(style.red("Apply stopped: the apply lock was lost.")).append('\n');
        r.problems().forEach(p -> sb.append("  ").append(p.format()).append('\n'));
        return sb.toString();
      }
      default -> {}
    }
    r.walk().ifPresent(w -> walk(sb, w, r, style));
    r.verification().ifPresent(v -> verification(sb, v, style));
    switch (r.outcome()) {
      case NO_CHANGES -> sb.append(style.green("No changes.")).append(" The controllers match the spec.\n");
      case APPLIED -> sb.append(style.green("Apply complete: the mesh matches the spec and routes.")).append('\n');
      case CANCELLED -> sb.append(style.yellow("Apply interrupted."))
          .append(" Actions not started were left alone; re-run 'meshctl apply' to continue from the live state.\n");
      case FAILED, NOT_CONVERGED -> sb.append(style.red("Apply failed."))
          .append(" Re-run 'meshctl apply' to continue from the live state.\n");
      default -> {}
    }
    return sb.toString();
  }

  private static void walk(StringBuilder sb, WalkReport<PlanAction> w, ApplyReport r, Style style) {
    sb.append(
        String.format(
            "%d applied, %d failed, %d skipped, %d not started in %s (%d requests, %d writes).%n",
            w.with(NodeStatus.SUCCEEDED).size(),
            w.with(NodeStatus.FAILED).size(),
            w.with(NodeStatus.SKIPPED).size(),
            w.with(NodeStatus.NOT_STARTED).size(),
            Durations.format(r.elapsed()),
            r.requests().total(),
            r.requests().writes()));
    List<NodeOutcome<PlanAction>> failed = w.with(NodeStatus.FAILED);
    if (!failed.isEmpty()) {
      sb.append(style.red("Failed:")).append('\n');
      failed.forEach(
          o ->
              sb.append("  ")
                  .append(ApplyEngine.label(o.node()))
                  .append(": ")
                  .append(Progress.describe(o.error().orElseThrow()))
                  .append('\n'));
    }
    List<NodeOutcome<PlanAction>> skipped = w.with(NodeStatus.SKIPPED);
    if (!skipped.isEmpty()) {
      sb.append(style.yellow("Skipped:")).append('\n');
      skipped.forEach(o -> sb.append("  ").append(ApplyEngine.label(o.node())).append(": ").append(o.reason()).append('\n'));
    }
  }

  private static void verification(StringBuilder sb, Verification v, Style style) {
    if (v.converged()) {
      sb.append("Verified: no differences remain; every peer link reports reachable.\n");
      return;
    }
    sb.append(style.red("Verification failed:")).append('\n');
    v.unreadable().forEach((c, why) -> sb.append("  controller \"").append(c).append("\" cannot be read: ").append(why).append('\n'));
    for (Change c : v.remaining()) {
      sb.append("  ").append(style.symbol(c.action())).append(' ').append(c.address()).append(" still differs\n");
    }
    for (Diagnostic d : v.problems()) {
      sb.append("  ").append(d.path()).append(": ").append(d.message()).append('\n');
    }
    for (String link : v.unreachableLinks()) {
      sb.append("  ").append(link).append(" is not reachable after ").append(Durations.format(v.waited())).append('\n');
    }
  }

  /** The last event of a {@code --json} stream. */
  public static JsonObject json(ApplyReport r) {
    JsonObject o =
        new JsonObject()
            .put("type", "apply_finished")
            .put("outcome", r.outcome().name().toLowerCase(java.util.Locale.ROOT))
            .put("success", r.outcome().success())
            .put("elapsed_ms", r.elapsed().toMillis())
            .put("requests", r.requests().total())
            .put("writes", r.requests().writes())
            .put("problems", JsonRenderer.diagnostics(r.problems()));
    r.walk()
        .ifPresent(
            w -> {
              o.put("applied", w.with(NodeStatus.SUCCEEDED).size());
              JsonArray failed = new JsonArray();
              w.with(NodeStatus.FAILED)
                  .forEach(
                      f ->
                          failed.add(
                              new JsonObject()
                                  .put("address", f.node().address().toString())
                                  .put("type", f.node().type())
                                  .put("error", Progress.describe(f.error().orElseThrow()))));
              o.put("failed", failed);
              JsonArray skipped = new JsonArray();
              w.with(NodeStatus.SKIPPED)
                  .forEach(
                      s ->
                          skipped.add(
                              new JsonObject()
                                  .put("address", s.node().address().toString())
                                  .put("type", s.node().type())
                                  .put("reason", s.reason())));
              o.put("skipped", skipped);
              o.put("not_started", w.with(NodeStatus.NOT_STARTED).size());
            });
    r.verification()
        .ifPresent(
            v ->
                o.put(
                    "verification",
                    new JsonObject()
                        .put("converged", v.converged())
                        .put(
                            "remaining",
                            new JsonArray(v.remaining().stream().map(c -> c.address().toString()).toList()))
                        .put("problems", JsonRenderer.diagnostics(v.problems()))
                        .put("unreachable_links", new JsonArray(v.unreachableLinks()))
                        .put("unreadable", new JsonObject(new java.util.TreeMap<String, Object>(v.unreadable())))));
    return o;
  }
}
