package dev.meshctl.cli.views;

import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.diag.Diagnostics;
import dev.meshctl.dsl.model.Masker;
import dev.meshctl.engine.apply.ApplyEngine;
import dev.meshctl.engine.apply.ApplyReport;
import dev.meshctl.engine.diff.MeshDiff;
import dev.meshctl.engine.plan.Plan;
import dev.meshctl.engine.plan.PlanAction;
import dev.meshctl.engine.progress.JsonProgress;
import dev.meshctl.engine.progress.LineProgress;
import dev.meshctl.engine.progress.LiveProgress;
import dev.meshctl.engine.progress.Progress;
import dev.meshctl.engine.render.HumanRenderer;
import dev.meshctl.engine.render.JsonRenderer;
import dev.meshctl.engine.render.PlanSummary;
import dev.meshctl.engine.render.Style;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;

/**
 * What {@code meshctl apply} (and the demo's apply) shows: the plan it is about to run, progress
 * while it runs, and the summary. The JSON form is a stream of events, one object per line, in
 * which a problem is a {@code diagnostic} event.
 */
public interface ApplyView extends View {
  /** The plan, shown before asking whether to run it. */
  void plan(Plan plan, MeshDiff diff);

  /** What reports each action as it runs; {@code tty}: a person watches a terminal. */
  Progress<PlanAction> progress(Vertx vertx, boolean tty);

  /** The end of the apply: what was done, what failed, whether the mesh verified. */
  void summary(ApplyReport report);

  /** Where questions to a person go (breaking a lock): never into a JSON stream. */
  PrintWriter questions();

  /** Whether a person reads it, so a terminal may show live progress and ask to confirm. */
  boolean forPeople();

  static ApplyView of(boolean json, Style style, PrintWriter out, PrintWriter err, Masker masker) {
    return json ? new Json(out, err, masker) : new Human(style, out, err, masker);
  }

  final class Human extends HumanView implements ApplyView {
    private final Style style;

    Human(Style style, PrintWriter out, PrintWriter err, Masker masker) {
      super(out, err, masker);
      this.style = style;
    }

    @Override
    public void plan(Plan plan, MeshDiff diff) {
      out.print(new HumanRenderer(style).plan(plan, diff));
      out.flush();
    }

    @Override
    public Progress<PlanAction> progress(Vertx vertx, boolean tty) {
      return tty
          ? new LiveProgress<>(vertx, out, ApplyEngine::label, Clock.systemUTC(), style.color())
          : new LineProgress<>(out, ApplyEngine::label);
    }

    @Override
    public void summary(ApplyReport report) {
      out.print(ApplySummary.text(report, style));
      out.flush();
      err.flush();
    }

    @Override
    public PrintWriter questions() {
      return out;
    }

    @Override
    public boolean forPeople() {
      return true;
    }
  }

  /** One JSON event per line on stdout: docs/plan-format.md, "Apply events". */
  final class Json implements ApplyView {
    private final PrintWriter out;
    private final PrintWriter err;
    private final Masker masker;

    Json(PrintWriter out, PrintWriter err, Masker masker) {
      this.out = out;
      this.err = err;
      this.masker = masker;
    }

    @Override
    public void diagnostics(List<Diagnostic> diagnostics) {
      for (Diagnostic d : Diagnostics.of(diagnostics)) {
        JsonObject event = new JsonObject().put("type", "diagnostic").put("ts", Clock.systemUTC().instant().toString());
        out.println(event.mergeIn(JsonRenderer.diagnostic(d)).encode());
      }
      out.flush();
    }

    @Override
    public void mask(java.util.Set<String> secrets) {
      masker.registerAll(secrets);
    }

    @Override
    public void plan(Plan plan, MeshDiff diff) {
      out.println(
          new JsonObject()
              .put("type", "plan")
              .put("actions", plan.order().size())
              .put("summary", PlanSummary.of(diff).toString())
              .encode());
      out.flush();
    }

    @Override
    public Progress<PlanAction> progress(Vertx vertx, boolean tty) {
      return new JsonProgress<PlanAction>(out, a -> a.address().toString(), PlanAction::type, Clock.systemUTC());
    }

    @Override
    public void summary(ApplyReport report) {
      out.println(ApplySummary.json(report).encode());
      out.flush();
      err.flush();
    }

    @Override
    public PrintWriter questions() {
      return err;
    }

    @Override
    public boolean forPeople() {
      return false;
    }
  }
}
