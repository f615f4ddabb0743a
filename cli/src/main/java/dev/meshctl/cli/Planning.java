package dev.meshctl.cli;

import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.engine.desired.DesiredMesh;
import dev.meshctl.engine.desired.MeshExpander;
import dev.meshctl.engine.desired.Sha256;
import dev.meshctl.engine.diff.MeshDiff;
import dev.meshctl.engine.live.MeshState;
import dev.meshctl.engine.pipeline.Judged;
import dev.meshctl.engine.pipeline.Judgement;
import dev.meshctl.engine.plan.Plan;
import dev.meshctl.engine.render.PlanSummary;
import dev.meshctl.engine.planfile.SavedPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * What diff, plan and graph compute from one read of the controllers: the expanded spec, the
 * diff, and the plan.
 */
record Planning(MeshSpec spec, DesiredMesh desired, MeshState live, MeshDiff diff, Plan plan) {

  /**
   * Reads the controllers of the session once and judges that read as apply and reconcile do
   * ({@link Judgement}, on a worker): a root replaced by a fresh instance is planned as a keyset
   * download from a controller that holds the topology's keyset, exactly as apply will run it.
   */
  static Planning compute(MeshSession session) {
    Judged judged = session.readAndJudge();
    Judgement j = judged.judgement();
    return new Planning(session.spec(), j.desired(), judged.live(), j.diff(), j.plan());
  }

  /** The plan with what it was computed against, for {@code plan -out} and {@code --json}. */
  SavedPlan saved(Path specFile) throws IOException {
    return new SavedPlan(
        meshctlVersion(),
        Instant.now(),
        // Absolute, so the plan applies from any folder; resolving it against the plan file
        // instead would change what the same text meant in plans saved before.
        specFile.toAbsolutePath().normalize().toString(),
        Sha256.hex(Files.readAllBytes(specFile)),
        // Records print their components; the desired state holds no secret, so its text is a
        // canonical, secret-free form of everything the spec resolved to. Expanded from the spec
        // alone: the live state is pinned by the fingerprints.
        Sha256.hex(MeshExpander.expand(spec).toString()),
        plan,
        PlanSummary.of(diff));
  }

  static String meshctlVersion() {
    String v = MeshctlCommand.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
