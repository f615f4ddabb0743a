package dev.meshctl.engine.pipeline;

import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.engine.desired.DesiredMesh;
import dev.meshctl.engine.desired.MeshExpander;
import dev.meshctl.engine.diff.MeshDiff;
import dev.meshctl.engine.diff.MeshDiffer;
import dev.meshctl.engine.live.MeshState;
import dev.meshctl.engine.plan.Plan;
import dev.meshctl.engine.plan.PlanBuilder;
import java.util.Optional;

/**
 * The spec judged against one read of the live mesh: what is desired, what differs, and the plan
 * that repairs it. {@code diff}, {@code plan}, {@code apply}, apply's verification and every
 * reconcile tick make this one judgement, so none of them can disagree with another about the
 * same read: apply cannot say "verified" where {@code diff} would still report something, and a
 * mesh {@code reconcile} repairs is one {@code apply} repairs too. Pure.
 *
 * @param desired the spec expanded against the read (controllers keep their peer IDs), with
 *     keysets fetched from {@code keysetSource} when the root cannot give one
 * @param keysetSource the controller keysets come from instead of the root, if any: see {@link
 *     KeysetSource}
 * @param diff every difference and irreversible problem
 * @param plan the actions that make the read match the spec
 */
public record Judgement(DesiredMesh desired, Optional<String> keysetSource, MeshDiff diff, Plan plan) {

  /** Judges {@code live} against {@code spec}. CPU work (N = 64 plans 8,000 actions): call it on a worker. */
  public static Judgement of(MeshSpec spec, MeshState live) {
    return of(MeshExpander.expand(spec, live), live);
  }

  /** Judges {@code live} against an already expanded spec. */
  public static Judgement of(DesiredMesh expanded, MeshState live) {
    Optional<String> source = KeysetSource.choose(expanded, live);
    DesiredMesh desired = source.map(s -> KeysetSource.from(expanded, s)).orElse(expanded);
    MeshDiff diff = MeshDiffer.diff(desired, live);
    return new Judgement(desired, source, diff, PlanBuilder.build(desired, diff, live));
  }

  /** Nothing differs and nothing is refused: what {@code diff} calls "No changes". */
  public boolean inSync() {
    return !diff.hasChanges() && !diff.blocked();
  }
}
