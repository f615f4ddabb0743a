package dev.meshctl.cli;

import dev.meshctl.dsl.load.LoadOptions;
import dev.meshctl.engine.apply.ApplyOptions;
import dev.meshctl.engine.client.ClientOptions;
import dev.meshctl.engine.desired.MeshExpander;
import dev.meshctl.engine.desired.Sha256;
import dev.meshctl.engine.plan.Plan;
import dev.meshctl.engine.render.InvalidPlanFileException;
import dev.meshctl.engine.render.PlanFile;
import dev.meshctl.engine.render.SavedPlan;
import dev.meshctl.engine.render.Style;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;

/**
 * {@code meshctl apply}: makes the controllers match the spec (or runs exactly a saved plan), with
 * progress, then verifies that nothing differs and every peer link is up.
 */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "Make the controllers match the spec: show the plan, ask, run it in dependency order and in",
      "parallel, then verify that nothing differs and every peer link is reachable."
    },
    footer = {
      "",
      "FILE is a mesh spec (mesh.yaml) or a plan saved with 'meshctl plan -out plan.json'. A saved",
      "plan runs exactly as saved, and is refused if the spec or any controller changed since.",
      "",
      "The apply lock lives on the root controller (a custom system variable): a second apply of",
      "the same mesh waits up to --lock-timeout, then refuses, naming who holds the lock.",
      "",
      "Exit status: 0 applied and verified (or nothing to do), 1 failed, refused or not verified,",
      "130 interrupted (Ctrl-C: no new action starts, running ones end, the lock is released).",
      "",
      "Examples:",
      "  meshctl apply mesh.yaml",
      "  meshctl apply --auto-approve --json mesh.yaml",
      "  meshctl plan mesh.yaml -out plan.json && meshctl apply plan.json"
    })
final class ApplyCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec command;

  /** FILE (a spec, or a saved plan: see the footer) and --endpoint-map. */
  @Mixin SpecOptions specOptions;

  @Option(names = "--auto-approve", description = "Apply without asking for confirmation.")
  boolean autoApprove;

  @Option(
      names = "--parallelism",
      paramLabel = "N",
      description = "The most actions running at once (default: the spec's execution.parallelism, 10).")
  Integer parallelism;

  @Option(
      names = "--per-controller",
      paramLabel = "N",
      description = "The most actions running at once on one controller; 0 for no limit (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + ApplyOptions.DEFAULT_PER_CONTROLLER_LIMIT)
  int perController;

  @Option(
      names = "--lock-timeout",
      paramLabel = "DURATION",
      converter = SimDurations.class,
      defaultValue = "0s",
      description = "How long to wait for another apply's lock, e.g. 30s (default: 0s, refuse at once).")
  Duration lockTimeout;

  @Option(names = "--break-lock", description = "Delete the apply lock first, even if another run holds it.")
  boolean breakLock;

  @Option(
      names = "--lock",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      arity = "0..1",
      description = "Take the apply lock (default: true). --lock=false only in emergencies.")
  boolean lock;

  @Option(
      names = "--verify-timeout",
      paramLabel = "DURATION",
      converter = SimDurations.class,
      defaultValue = "60s",
      description = "How long verification waits for peer links to come up (default: 60s).")
  Duration verifyTimeout;

  @Option(names = "--json", description = "Print one JSON event per line instead of text.")
  boolean json;

  @Option(names = "--no-color", description = "No ANSI colours (also: the NO_COLOR variable).")
  boolean noColor;

  @Option(
      names = "--waits",
      paramLabel = "KIND",
      defaultValue = "vns3",
      description = "How to wait for reboots and keyset jobs: vns3 (as the vendor's tools) or simulated (fast polls, for 'meshctl sim').")
  String waits;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    Optional<ClientOptions> clientOptions = Waits.clientOptions(waits);
    if (clientOptions.isEmpty()) {
      err.println("meshctl: error: " + Waits.invalid(waits));
      return ExitCodes.ERROR;
    }
    if (parallelism != null && parallelism < 1) {
      err.println("meshctl: error: --parallelism must be at least 1");
      return ExitCodes.ERROR;
    }
    Optional<SavedPlan> saved = Optional.empty();
    Path file = specOptions.file;
    Path specFile = file;
    if (isPlanFile(file)) {
      try {
        saved = Optional.of(PlanFile.read(file));
      } catch (InvalidPlanFileException e) {
        err.println("meshctl: error: " + e.getMessage());
        return ExitCodes.ERROR;
      }
      specFile = Path.of(saved.get().specPath());
      if (!Files.isReadable(specFile)) {
        err.println("meshctl: error: " + file + ": its spec " + specFile + " cannot be read");
        return ExitCodes.ERROR;
      }
    }
    LoadOptions load = specOptions.loadOptions();
    Optional<MeshSession> opened = MeshSession.open(specFile, load, clientOptions.get(), err);
    if (opened.isEmpty()) {
      return ExitCodes.ERROR;
    }
    try (MeshSession session = opened.get()) {
      Optional<Plan> plan = Optional.empty();
      if (saved.isPresent()) {
        Optional<String> stale = staleSpec(saved.get(), specFile, session);
        if (stale.isPresent()) {
          err.println("meshctl: error: " + stale.get());
          return ExitCodes.ERROR;
        }
        plan = Optional.of(saved.get().plan());
      }
      return ApplyRunner.run(session, plan, settings(), out, err);
    }
  }

  private ApplyRunner.Settings settings() {
    boolean tty = System.console() != null;
    Style style = TerminalStyle.of(noColor);
    return new ApplyRunner.Settings(
        autoApprove,
        Optional.ofNullable(parallelism),
        perController,
        lock,
        lockTimeout,
        breakLock,
        verifyTimeout,
        json,
        style,
        tty && !json);
  }

  /** A saved plan is JSON; a spec is YAML. */
  static boolean isPlanFile(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
  }

  /** Why a saved plan no longer fits its spec, if it does not. */
  private static Optional<String> staleSpec(SavedPlan saved, Path specFile, MeshSession session) throws IOException {
    if (!Sha256.hex(Files.readAllBytes(specFile)).equals(saved.specSha256())) {
      return Optional.of("the spec " + specFile + " changed since the plan was made; run plan again");
    }
    if (!Sha256.hex(MeshExpander.expand(session.spec()).toString()).equals(saved.desiredSha256())) {
      return Optional.of(
          "the spec " + specFile + " resolves differently than when the plan was made (a variable or"
              + " referenced file changed); run plan again");
    }
    return Optional.empty();
  }
}
