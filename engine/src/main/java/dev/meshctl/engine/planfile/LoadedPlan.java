package dev.meshctl.engine.planfile;

import dev.meshctl.engine.apply.ExpectedPlan;
import dev.meshctl.engine.desired.Sha256;
import dev.meshctl.engine.diff.MeshDiff;
import dev.meshctl.engine.plan.Plan;
import dev.meshctl.engine.render.PlanSummary;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A saved plan as read from its file: what it says, and the JSON it was read from. Apply holds the
 * plan it computes again against that JSON, key by key, and runs only a plan that equals it.
 *
 * @param file the plan file, as given to apply
 * @param saved what the file says
 * @param json the file's JSON, exactly as read (a copy: this record owns it)
 */
public record LoadedPlan(Path file, SavedPlan saved, JsonObject json) implements ExpectedPlan {
  public LoadedPlan {
    json = json.copy();
  }

  @Override
  public JsonObject json() {
    return json.copy();
  }

  /**
   * The spec the plan was made from. A relative path (plans saved by earlier builds) is read from
   * the current folder, as those builds did; plans saved now hold an absolute path.
   */
  public Path specFile() {
    return Path.of(saved.specPath());
  }

  /** Whether the spec path is relative, which only plans saved by earlier builds hold. */
  public boolean oldRelativeSpecPath() {
    return !specFile().isAbsolute();
  }

  /**
   * Why the spec file is no longer the one the plan was made from, naming the hash; empty when
   * its SHA-256 matches.
   */
  public Optional<String> specDifference(byte[] specBytes) {
    String now = Sha256.hex(specBytes);
    if (now.equals(saved.specSha256())) {
      return Optional.empty();
    }
    return Optional.of(
        file
            + ": the spec "
            + specFile()
            + " changed since the plan was made: its SHA-256 is now "
            + now
            + ", the plan's spec.sha256 is "
            + saved.specSha256()
            + "; run 'meshctl plan' again");
  }

  /**
   * Why the spec now resolves to something else than when the plan was made (a variable or a
   * file it references changed), naming the hash; empty when it resolves the same.
   *
   * @param desiredSha256 the SHA-256 of what the spec resolves to now
   */
  public Optional<String> desiredDifference(String desiredSha256) {
    if (desiredSha256.equals(saved.desiredSha256())) {
      return Optional.empty();
    }
    return Optional.of(
        file
            + ": the spec "
            + specFile()
            + " resolves differently than when the plan was made (a variable or a file it"
            + " references changed): what it resolves to now has SHA-256 "
            + desiredSha256
            + ", the plan's spec.desired_sha256 is "
            + saved.desiredSha256()
            + "; run 'meshctl plan' again");
  }

  @Override
  public SortedMap<String, String> fingerprints() {
    return saved.plan().fingerprints();
  }

  /**
   * The recomputed plan, rendered as {@code plan -out} would have written it with this file's
   * spec record and time stamp, is held against the file. Only {@code created_at} and {@code
   * meshctl_version} cannot differ: they are taken from the file, since they describe it rather
   * than what it does.
   */
  @Override
  public Optional<String> differenceFrom(Plan recomputed, MeshDiff diff) {
    SavedPlan expected =
        new SavedPlan(
            saved.meshctlVersion(),
            saved.createdAt(),
            saved.specPath(),
            saved.specSha256(),
            saved.desiredSha256(),
            recomputed,
            PlanSummary.of(diff));
    // Through text and back, so numbers have the types the file's parser gives them.
    JsonObject rendered = new JsonObject(PlanFile.json(expected).encode());
    JsonObject file = new JsonObject(json.encode());
    // created_at is compared as the file wrote it: a rewritten time stamp is an edit too.
    return PlanDifference.first(file, rendered)
        .map(
            d ->
                this.file
                    + ": "
                    + d
                    + ". The file was edited after 'meshctl plan' wrote it (or was written by a meshctl"
                    + " that plans differently: it says "
                    + saved.meshctlVersion()
                    + "); nothing was changed. Run 'meshctl plan' again and review the new plan.");
  }
}
