package dev.meshctl.engine.plan;

import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.diag.Severity;
import dev.meshctl.engine.address.ResourceAddress;
import dev.meshctl.engine.desired.DesiredMesh;
import dev.meshctl.engine.diff.MeshDiff;
import dev.meshctl.engine.live.MeshState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the plan for a diff: adds the actions its changes need, then the dependency edges rule by
 * rule ({@link DependencyRules}). Pure and deterministic.
 */
public final class PlanBuilder {
  private PlanBuilder() {}

  public static Plan build(DesiredMesh mesh, MeshDiff diff, MeshState live) {
    PlanContext ctx = new PlanContext(mesh);
    new ActionsFromChanges(diff).transform(ctx);
    for (PlanTransformer rule : DependencyRules.ALL) {
      rule.transform(ctx);
    }
    return Plan.of(ctx.graph(), StateFingerprint.of(live), blocking(diff), diff.warnings());
  }

  /** Irreversible problems and unreadable controllers, as diagnostics apply refuses to run with. */
  static List<Diagnostic> blocking(MeshDiff diff) {
    List<Diagnostic> out = new ArrayList<>(diff.problems());
    for (Map.Entry<String, String> e : diff.unreadable().entrySet()) {
      out.add(
          new Diagnostic(
              Severity.ERROR,
              "cannot read: " + e.getValue(),
              Optional.empty(),
              ResourceAddress.controller(e.getKey()).toString(),
              Optional.empty()));
    }
    out.sort(Diagnostic.ORDER);
    return out;
  }
}
