package dev.meshctl.cli;

import dev.meshctl.engine.render.DotRenderer;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code meshctl graph}: the plan's dependency graph in Graphviz DOT, on stdout. */
@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    description = "Print the plan's dependency graph in Graphviz DOT.",
    footer = {"", "Example:", "  meshctl graph mesh.yaml | dot -Tsvg > plan.svg"})
final class GraphCommand extends SessionCommand {
  @Override
  int run(MeshSession session, PrintWriter out, PrintWriter err) {
    Planning p = Planning.compute(session);
    out.print(DotRenderer.render(p.plan()));
    out.flush();
    p.diff().unreadable().forEach((c, why) -> err.println("meshctl: error: controller \"" + c + "\": cannot read: " + why));
    p.diff().problems().forEach(d -> err.println(d.format()));
    err.flush();
    return p.diff().blocked() ? ExitCodes.ERROR : ExitCodes.OK;
  }
}
