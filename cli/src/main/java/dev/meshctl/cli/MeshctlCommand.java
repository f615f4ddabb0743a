package dev.meshctl.cli;

import dev.meshctl.dsl.model.Masker;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code meshctl} command; each subcommand lives in its own file. */
@Command(
    name = "meshctl",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "VNS3 controller peering meshes as code.",
    subcommands = {
      CommandLine.HelpCommand.class,
      ValidateCommand.class,
      SchemaCommand.class,
      FmtCommand.class,
      CompletionCommand.class,
      ImportCommand.class,
      DiffCommand.class,
      PlanCommand.class,
      GraphCommand.class,
      ApplyCommand.class,
      UnlockCommand.class,
      DemoCommand.class,
      SimCommand.class,
      ReconcileCommand.class,
    })
public final class MeshctlCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * A command line with meshctl's streams and its single place that turns exceptions into exit
   * codes. Both streams share one {@link Masker}: every secret value a command learns is masked in
   * everything either stream prints.
   */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new MeshctlCommand());
    Masker masker = new Masker();
    cl.setOut(MaskedOutput.wrap(out, masker));
    cl.setErr(MaskedOutput.wrap(err, masker));
    cl.setExecutionExceptionHandler(new FailureHandler());
    cl.setParameterExceptionHandler(new UsageErrorHandler());
    return cl;
  }
}
