package dev.meshctl.cli;

import dev.meshctl.cli.views.PlanView;
import dev.meshctl.dsl.model.Masker;
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
final class PlanCommand extends SessionCommand<PlanView> {
  @Mixin OutputOptions output;

  @Option(
      names = {"-out", "--out"},
      paramLabel = "PLAN",
      description = "Save the plan to this file (JSON) for meshctl apply.")
  Path out;

  /**
   * The form of the document for people. {@code json} is kept only so scripts written before
   * {@code --json} was the one JSON switch keep working; it warns.
   */
  enum Format {
    human,
    markdown,
    json
  }

  /** What completion offers: not the deprecated {@code json}. */
  static final class Formats extends java.util.ArrayList<String> {
    Formats() {
      super(java.util.List.of("human", "markdown"));
    }
  }

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      completionCandidates = Formats.class,
      description = "human (default) or markdown: a summary for a pull-request comment. (json: deprecated, use --json.)")
  Format format = Format.human;

  @Override
  PlanView newView(PrintWriter stdout, PrintWriter err, Masker masker) {
    PlanView.Document document = format == Format.markdown ? PlanView.Document.MARKDOWN : PlanView.Document.TEXT;
    PlanView view =
        PlanView.of(output.json || format == Format.json, document, specOptions.file, output.style(), stdout, err, masker);
    if (format == Format.json) {
      view.warning("--format json is deprecated and will be removed: use --json");
    }
    return view;
  }

  @Override
  int run(MeshSession session, PlanView view) throws IOException {
    Planning p = Planning.compute(session);
    KeysetTokenNote.print(p.live(), err());
    SavedPlan saved = p.saved(specOptions.file);
    view.plan(p.plan(), p.diff(), saved);
    if (out != null) {
      try {
        PlanFile.write(saved, out, MaskedOutput.masker(err()));
      } catch (IOException e) {
        view.error("cannot write the plan to " + out + ": " + IoMessages.why(e));
        return ExitCodes.ERROR;
      }
      view.saved(out, p.diff().blocked());
    }
    return output.exitCode(p.diff().blocked(), !p.plan().isEmpty());
  }
}
