package dev.meshctl.cli;

import dev.meshctl.dsl.model.Masker;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level {@code meshctl} command; each subcommand lives in its own file.
 *
 * <p>picocli builds a command's whole model by reflection when it is added, and building all
 * fourteen costs more than the JVM's own start. A run therefore gets the one subcommand it
 * names; only a run that needs the whole tree (help, completion, an unknown name to suggest
 * from) gets all of them.
 */
@Command(
    name = "meshctl",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "VNS3 controller peering meshes as code.")
public final class MeshctlCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Every subcommand, in the order {@code meshctl --help} lists them. */
  private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

  private static Map<String, Supplier<Object>> subcommands() {
    Map<String, Supplier<Object>> m = new LinkedHashMap<>();
    m.put("help", CommandLine.HelpCommand::new);
    m.put("validate", ValidateCommand::new);
    m.put("schema", SchemaCommand::new);
    m.put("fmt", FmtCommand::new);
    m.put("completion", CompletionCommand::new);
    m.put("import", ImportCommand::new);
    m.put("diff", DiffCommand::new);
    m.put("plan", PlanCommand::new);
    m.put("graph", GraphCommand::new);
    m.put("apply", ApplyCommand::new);
    m.put("unlock", UnlockCommand::new);
    m.put("demo", DemoCommand::new);
    m.put("sim", SimCommand::new);
    m.put("reconcile", ReconcileCommand::new);
    return Collections.unmodifiableMap(m);
  }

  /** The whole command tree with meshctl's streams (help, completion, man pages, tests). */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return withStreams(tree(SUBCOMMANDS.keySet()), out, err);
  }

  /**
   * The command line a run with these arguments needs: {@code --version} none of the
   * subcommands, a run naming one only that one, anything else the whole tree.
   */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err, String... args) {
    Set<String> needed;
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      needed = Set.of();
    } else if (args.length > 0 && SUBCOMMANDS.containsKey(args[0]) && !WHOLE_TREE.contains(args[0])) {
      needed = Set.of(args[0]);
    } else {
      needed = SUBCOMMANDS.keySet();
    }
    return withStreams(tree(needed), out, err);
  }

  /** Subcommands that read the rest of the tree. */
  private static final Set<String> WHOLE_TREE = Set.of("help", "completion");

  private static CommandLine tree(Set<String> names) {
    CommandLine cl = new CommandLine(new MeshctlCommand());
    SUBCOMMANDS.forEach(
        (name, make) -> {
          if (names.contains(name)) {
            cl.addSubcommand(make.get());
          }
        });
    return cl;
  }

  /**
   * Meshctl's streams and its single place that turns exceptions into exit codes. Both streams
   * share one {@link Masker}: every secret value a command learns is masked in everything either
   * stream prints.
   */
  private static CommandLine withStreams(CommandLine cl, PrintWriter out, PrintWriter err) {
    Masker masker = new Masker();
    cl.setOut(MaskedOutput.wrap(out, masker));
    cl.setErr(MaskedOutput.wrap(err, masker));
    cl.setExecutionExceptionHandler(new FailureHandler());
    cl.setParameterExceptionHandler(new UsageErrorHandler());
    return cl;
  }
}
