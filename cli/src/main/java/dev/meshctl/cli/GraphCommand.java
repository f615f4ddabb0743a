package dev.meshctl.cli;

import dev.meshctl.cli.views.View;
import dev.meshctl.dsl.model.Masker;
import dev.meshctl.engine.render.DotRenderer;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code meshctl graph}: the plan's dependency graph in Graphviz DOT, on stdout. */
@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    description = "Print the plan's dependency graph in Graphviz DOT.",
    footer = {"", "Example:", "  meshctl graph mesh.yaml | dot -Tsvg > plan.svg"})
final class GraphCommand extends SessionCommand<View> {
  @Override
  View newView(PrintWriter out, PrintWriter err, Masker masker) {
    return View.human(out, err, masker);
  }

  @Override
  int run(MeshSession session, View view) {
    Planning p = Planning.compute(session);
    out().print(DotRenderer.render(p.plan()));
    out().flush();
    view.diagnostics(p.plan().blocking());
    return p.diff().blocked() ? ExitCodes.ERROR : ExitCodes.OK;
  }
}
