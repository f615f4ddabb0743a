package dev.meshctl.cli;

import dev.meshctl.engine.render.HumanRenderer;
import dev.meshctl.engine.render.JsonRenderer;
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
final class DiffCommand extends SessionCommand {
  @Mixin OutputOptions output;

  @Override
  int run(MeshSession session, PrintWriter out, PrintWriter err) {
    Planning p = Planning.compute(session);
    KeysetTokenNote.print(p.live(), err);
    if (output.json) {
      out.println(JsonRenderer.diff(p.diff()).encodePrettily());
    } else {
      out.print(new HumanRenderer(output.style()).diff(p.diff()));
    }
    out.flush();
    return output.exitCode(p.diff().blocked(), p.diff().hasChanges());
  }
}
