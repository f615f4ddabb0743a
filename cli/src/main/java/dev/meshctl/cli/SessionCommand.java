package dev.meshctl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/**
 * A command that loads a spec and talks to its controllers in one session (diff, plan, graph,
 * unlock): exit 1 with the spec's diagnostics when it has errors, before any request.
 */
abstract class SessionCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec command;

  /** FILE and --endpoint-map. */
  @Mixin SpecOptions specOptions;

  @Override
  public final Integer call() throws IOException {
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    return specOptions.run(err, session -> run(session, out, err));
  }

  /** What the command does with the open session, printing on {@code out} and {@code err}; answers the exit code. */
  abstract int run(MeshSession session, PrintWriter out, PrintWriter err) throws IOException;
}
