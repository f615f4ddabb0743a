package dev.meshctl.cli;

import dev.meshctl.engine.render.DotRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code meshctl graph}: the plan's dependency graph in Graphviz DOT, on stdout. */
@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    description = "Print the plan's dependency graph in Graphviz DOT.",
    footer = {"", "Example:", "  meshctl graph mesh.yaml | dot -Tsvg > plan.svg"})
final class GraphCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec command;
  @Mixin SpecOptions specOptions;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    return specOptions.run(
        err,
        session -> {
          Planning p = Planning.compute(session);
          out.print(DotRenderer.render(p.plan()));
          out.flush();
          p.diff().unreadable().forEach((c, why) -> err.println("meshctl: error: controller \"" + c + "\": cannot read: " + why));
          p.diff().problems().forEach(d -> err.println(d.format()));
          err.flush();
          return p.diff().blocked() ? ExitCodes.ERROR : ExitCodes.OK;
        });
  }
}
