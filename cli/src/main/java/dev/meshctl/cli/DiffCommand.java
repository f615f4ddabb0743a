package dev.meshctl.cli;

import dev.meshctl.cli.views.DiffView;
import dev.meshctl.dsl.model.Masker;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code meshctl diff}: reads every controller and shows, field by field, what differs from the
 * spec. Changes nothing.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = "Show what differs between the spec and the live controllers, field by field.",
    footer = {
      "",
      "Exit status: 0 success (with --detailed-exitcode: no changes), 2 changes (with"
          + " --detailed-exitcode), 1 error: invalid spec, unreadable controller, irreversible problem.",
      "",
      "Examples:",
      "  meshctl diff mesh.yaml",
      "  meshctl diff --detailed-exitcode --no-color mesh.yaml   # CI drift check"
    })
final class DiffCommand extends SessionCommand<DiffView> {
  @Mixin OutputOptions output;

  @Override
  DiffView newView(PrintWriter out, PrintWriter err, Masker masker) {
    return DiffView.of(output.json, output.style(), out, err, masker);
  }

  @Override
  int run(MeshSession session, DiffView view) {
    Planning p = Planning.compute(session);
    KeysetTokenNote.print(p.live(), err());
    view.diff(p.diff());
    return output.exitCode(p.diff().blocked(), p.diff().hasChanges());
  }
}
