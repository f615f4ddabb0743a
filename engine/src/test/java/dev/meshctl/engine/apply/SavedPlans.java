package dev.meshctl.engine.apply;

import static dev.meshctl.engine.apply.SimulatedMesh.await;

import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.engine.desired.DesiredMesh;
import dev.meshctl.engine.desired.MeshExpander;
import dev.meshctl.engine.desired.Sha256;
import dev.meshctl.engine.diff.MeshDiff;
import dev.meshctl.engine.diff.MeshDiffer;
import dev.meshctl.engine.live.MeshState;
import dev.meshctl.engine.plan.PlanBuilder;
import dev.meshctl.engine.planfile.LoadedPlan;
import dev.meshctl.engine.planfile.PlanFile;
import dev.meshctl.engine.planfile.SavedPlan;
import dev.meshctl.engine.render.PlanSummary;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** Saved plans of simulated meshes, made and checked as {@code plan -out} and {@code apply} do. */
final class SavedPlans {
  private SavedPlans() {}

  /**
   * Plans {@code spec} against what {@code engine} reads now and saves it to {@code dir/plan.json}
   * with a spec file beside it; answers the file.
   */
  static Path save(ApplyEngine engine, MeshSpec spec, Path dir) throws Exception {
    Path specFile = dir.resolve("mesh.yaml");
    Files.writeString(specFile, "# the spec of " + spec.topology() + "\n", StandardCharsets.UTF_8);
    DesiredMesh desired = MeshExpander.expand(spec);
    MeshState live = await(engine.read());
    MeshDiff diff = MeshDiffer.diff(desired, live);
    SavedPlan saved =
        new SavedPlan(
            "test",
            Instant.parse("2026-12-01T10:00:00Z"),
            specFile.toAbsolutePath().toString(),
            Sha256.hex(Files.readAllBytes(specFile)),
            Sha256.hex(desired.toString()),
            PlanBuilder.build(desired, diff, live),
            PlanSummary.of(diff));
    Path file = dir.resolve("plan.json");
    PlanFile.write(saved, file);
    return file;
  }

  /**
   * Applies the plan in {@code file} as {@code meshctl apply FILE} does: read it, check the spec's
   * hashes, then let the engine plan again and compare. Declines at the confirmation, so a plan
   * that passes every check is seen as {@link ApplyOutcome#DECLINED} and still changes nothing
   * but the lock.
   *
   * @return the refusal or the report's outcome and problems, as text
   */
  static Result applyDeclining(ApplyEngine engine, MeshSpec spec, Path file) throws Exception {
    LoadedPlan loaded;
    try {
      loaded = PlanFile.load(file);
    } catch (dev.meshctl.engine.planfile.InvalidPlanFileException e) {
      return new Result(Optional.empty(), e.getMessage());
    }
    byte[] specBytes;
    try {
      specBytes = Files.readAllBytes(loaded.specFile());
    } catch (java.io.IOException e) {
      return new Result(Optional.empty(), "spec unreadable: " + e);
    }
    Optional<String> spec1 =
        loaded.specDifference(specBytes).or(() -> loaded.desiredDifference(Sha256.hex(MeshExpander.expand(spec).toString())));
    if (spec1.isPresent()) {
      return new Result(Optional.empty(), spec1.get());
    }
    ApplyHooks decline =
        new ApplyHooks((p, d) -> Future.succeededFuture(false), new dev.meshctl.engine.progress.Progress<>() {}, Promise.<Void>promise().future());
    ApplyReport r = await(engine.apply(ApplyOptions.defaults(10, "t@h:1"), Optional.of(loaded), decline));
    return new Result(Optional.of(r.outcome()), String.join("\n", r.problems().stream().map(d -> d.message()).toList()));
  }

  /**
   * @param outcome the engine's outcome, empty when refused before the engine ran
   * @param message why it was refused
   */
  record Result(Optional<ApplyOutcome> outcome, String message) {
    boolean refused() {
      return outcome.isEmpty() || outcome.get() == ApplyOutcome.REFUSED;
    }
  }
}
