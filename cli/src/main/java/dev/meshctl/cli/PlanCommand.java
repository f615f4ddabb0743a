package dev.meshctl.cli;

import dev.meshctl.engine.render.HumanRenderer;
import dev.meshctl.engine.render.MarkdownRenderer;
import dev.meshctl.engine.planfile.PlanFile;
import dev.meshctl.engine.planfile.SavedPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code meshctl plan}: the actions that would make the controllers match the spec, in
 * dependency order; optionally saved for {@code meshctl apply}, with what it was computed
 * against.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = "Show the actions that would make the controllers match the spec, in order.",
    footer = {
      "",
      "A saved plan (-out) holds no secret; it is written with mode 0600. It records the spec's"
          + " absolute path and SHA-256 and a fingerprint of each controller's state: apply plans again"
          + " from those and refuses the file once either changed, or if its actions were edited.",
      "",
      "Exit status: as for diff: 0, 2 (changes, with --detailed-exitcode), 1 error.",
      "",
      "Examples:",
      "  meshctl plan mesh.yaml",
      "  meshctl plan mesh.yaml -out plan.json",
      "  meshctl plan --json mesh.yaml",
      "  meshctl plan mesh.yaml --format markdown > plan.md   # a pull-request comment"
    })
final class PlanCommand extends SessionCommand {
  @Mixin OutputOptions output;

  @Option(
      names = {"-out", "--out"},
      paramLabel = "PLAN",
      description = "Save the plan to this file (JSON) for meshctl apply.")
  Path out;

  /** How the plan is printed; json is the same as --json. */
  enum Format {
    human,
    json,
    markdown
  }

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "human (default), json, or markdown: a summary for a pull-request comment.")
  Format format = Format.human;

  @Override
  int run(MeshSession session, PrintWriter stdout, PrintWriter err) throws IOException {
    Planning p = Planning.compute(session);
    KeysetTokenNote.print(p.live(), err);
    SavedPlan saved = p.saved(specOptions.file);
    if (output.json || format == Format.json) {
      stdout.println(PlanFile.json(saved).encodePrettily());
    } else if (format == Format.markdown) {
      stdout.print(MarkdownRenderer.plan(p.plan(), p.diff(), specOptions.file.toString()));
    } else {
      stdout.print(new HumanRenderer(output.style()).plan(p.plan(), p.diff()));
    }
    if (out != null) {
      try {
        PlanFile.write(saved, out, MaskedOutput.masker(err));
      } catch (IOException e) {
        stdout.flush();
        err.println("meshctl: error: cannot write the plan to " + out + ": " + IoMessages.why(e));
        err.flush();
        return ExitCodes.ERROR;
      }
      // On stderr, so --json output stays one document.
      err.println(
          "Saved the plan to "
              + out
              + (p.diff().blocked() ? " (apply will refuse it until the problems above are solved)" : "")
              + ". To run exactly these actions: meshctl apply "
              + out);
    }
    stdout.flush();
    err.flush();
    return output.exitCode(p.diff().blocked(), !p.plan().isEmpty());
  }
}
