package dev.meshctl.engine.plan;

import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.diag.Severity;
import dev.meshctl.engine.address.ResourceAddress;
import dev.meshctl.engine.desired.DesiredMesh;
import dev.meshctl.engine.diff.Change;
import dev.meshctl.engine.diff.MeshDiff;
import dev.meshctl.engine.kind.ResourceKinds;
import dev.meshctl.engine.live.MeshState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the plan for a diff: asks the handler of each change's kind for the actions it needs, then
 * adds every handler's dependency edges rule by rule. Pure and deterministic.
 */
public final class PlanBuilder {
  private PlanBuilder() {}

  /** The plan with every kind meshctl manages ({@link ResourceKinds#STANDARD}). */
  public static Plan build(DesiredMesh mesh, MeshDiff diff, MeshState live) {
    return build(mesh, diff, live, ResourceKinds.STANDARD);
  }

  /** The plan with the actions and rules of {@code kinds}. */
  public static Plan build(DesiredMesh mesh, MeshDiff diff, MeshState live, ResourceKinds kinds) {
    PlanContext ctx = new PlanContext(mesh);
    for (Change c : diff.changes()) {
      kinds.handler(c.address().kind()).plan(c, ctx);
    }
    for (PlanTransformer rule : kinds.rules()) {
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
