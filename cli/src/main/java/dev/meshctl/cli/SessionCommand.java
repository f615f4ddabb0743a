package dev.meshctl.cli;

import dev.meshctl.cli.views.View;
import dev.meshctl.dsl.model.Masker;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/**
 * A command that loads a spec and talks to its controllers in one session (diff, plan, graph,
 * unlock): exit 1 with the spec's diagnostics when it has errors, before any request. Its output
 * goes through its view {@code V}, chosen once from its options.
 */
abstract class SessionCommand<V extends View> implements Callable<Integer>, ViewedCommand {
  @CommandLine.Spec CommandLine.Model.CommandSpec command;

  /** FILE and --endpoint-map. */
  @Mixin SpecOptions specOptions;

  private V view;

  @Override
  public final V view() {
    if (view == null) {
      view = newView(out(), err(), MaskedOutput.masker(err()));
    }
    return view;
  }

  @Override
  public final Integer call() throws IOException {
    V v = view();
    int code = specOptions.run(v, err(), session -> run(session, v));
    v.close();
    return code;
  }

  /** The view the options ask for. */
  abstract V newView(PrintWriter out, PrintWriter err, Masker masker);

  /** What the command does with the open session, showing it through {@code view}; answers the exit code. */
  abstract int run(MeshSession session, V view) throws IOException;

  PrintWriter out() {
    return command.commandLine().getOut();
  }

  PrintWriter err() {
    return command.commandLine().getErr();
  }
}
