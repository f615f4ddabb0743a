package dev.meshctl.cli;

import dev.meshctl.cli.views.ApplyView;
import dev.meshctl.dsl.load.LoadOptions;
import dev.meshctl.dsl.model.Secret;
import dev.meshctl.engine.client.ClientOptions;
import dev.meshctl.engine.desired.MeshExpander;
import dev.meshctl.engine.desired.Sha256;
import dev.meshctl.engine.planfile.InvalidPlanFileException;
import dev.meshctl.engine.planfile.PlanFile;
import dev.meshctl.engine.planfile.LoadedPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
      "Make the controllers match the spec: show the plan, ask, run it in dependency order and in"
          + " parallel, then verify that nothing differs and every peer link is reachable."
    },
    footer = {
      "",
      "FILE is a mesh spec (mesh.yaml) or a plan saved with 'meshctl plan -out plan.json' (named"
          + " *.json, or any file holding one). apply plans again from the spec and live state the plan"
          + " pins and runs only that plan: the file is refused, before anything is written, if the spec"
          + " or any controller changed since, or if its actions differ (an edited file).",
      "",
      "The apply lock lives on the root controller (custom system variables): a second apply of"
          + " the same mesh waits up to --lock-timeout, then refuses, naming who holds the lock. An apply"
          + " whose lock is broken by another run (--break-lock, unlock) stops before its next action.",
      "",
      "Exit status: 0 applied and verified (or nothing to do), 1 failed, refused or not verified,"
          + " 130 interrupted (Ctrl-C: no new action starts, running ones end, the lock is released).",
      "",
      "Examples:",
      "  meshctl apply mesh.yaml",
      "  meshctl apply --auto-approve --json mesh.yaml",
      "  meshctl plan mesh.yaml -out plan.json && meshctl apply plan.json"
    })
final class ApplyCommand implements Callable<Integer>, ViewedCommand {
  @CommandLine.Spec CommandLine.Model.CommandSpec command;

  /** FILE (a spec, or a saved plan: see the footer) and --endpoint-map. */
  @Mixin SpecOptions specOptions;

  @Option(names = "--auto-approve", description = "Apply without asking for confirmation.")
  boolean autoApprove;

  @Option(
      names = "--parallelism",
      paramLabel = "N",
      description =
          "The most actions running at once across the whole mesh; 0 for no limit. Protects the machine"
              + " meshctl runs on (its CPU and connections), not the controllers (default: the spec's"
              + " execution.parallelism, 0).")
  Integer parallelism;

  @Option(
      names = "--per-controller",
      paramLabel = "N",
      description =
          "The most actions running at once on one controller; 0 for no limit. Protects each"
              + " controller's API, an appliance of its own (default: the spec's execution.per_controller,"
              + " 1, one at a time as the vendor's SDK does).")
  Integer perController;

  @Option(
      names = "--lock-timeout",
      paramLabel = "DURATION",
      converter = SimDurations.class,
      defaultValue = "0s",
      description = "How long to wait for another apply's lock, e.g. 30s (default: 0s, refuse at once).")
  Duration lockTimeout;

  @Option(
      names = "--break-lock",
      description =
          "Delete the apply lock first, even if another run holds it: says whose it is and asks, unless --force."
              + " A live run whose lock is broken starts no further action, but a write it had already sent (or a"
              + " retry of it) can land after this apply's verification: once that run has ended, run plan to check.")
  boolean breakLock;

  @Option(names = "--force", description = "With --break-lock: break another run's live lock without asking.")
  boolean force;

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
      completionCandidates = Waits.Candidates.class,
      description = "How to wait for reboots and keyset jobs: vns3 (as the vendor's tools) or simulated (fast polls, for 'meshctl sim').")
  String waits;

  private ApplyView view;

  @Override
  public ApplyView view() {
    if (view == null) {
      PrintWriter err = command.commandLine().getErr();
      view = ApplyView.of(json, TerminalStyle.of(noColor), command.commandLine().getOut(), err, MaskedOutput.masker(err));
    }
    return view;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter err = command.commandLine().getErr();
    ApplyView view = view();
    Optional<ClientOptions> clientOptions = Waits.clientOptions(waits);
    if (clientOptions.isEmpty()) {
      view.error(Waits.invalid(waits));
      return ExitCodes.ERROR;
    }
    if ((parallelism != null && parallelism < 0) || (perController != null && perController < 0)) {
      view.error("--parallelism and --per-controller cannot be negative (0: no limit)");
      return ExitCodes.ERROR;
    }
    Optional<LoadedPlan> saved = Optional.empty();
    Path file = specOptions.file;
    Path specFile = file;
    if (isPlanFile(file)) {
      try {
        saved = Optional.of(PlanFile.load(file));
      } catch (InvalidPlanFileException e) {
        view.error(e.getMessage());
        return ExitCodes.ERROR;
      }
      specFile = saved.get().specFile();
      Optional<String> refused = specRefusal(saved.get());
      if (refused.isPresent()) {
        view.error(refused.get());
        return ExitCodes.ERROR;
      }
    }
    LoadOptions load = specOptions.loadOptions();
    Optional<MeshSession> opened = MeshSession.open(specFile, load, clientOptions.get(), view, command.commandLine().getErr());
    if (opened.isEmpty()) {
      return ExitCodes.ERROR;
    }
    try (MeshSession session = opened.get()) {
      if (saved.isPresent()) {
        Optional<String> resolved =
            saved.get().desiredDifference(Sha256.hex(MeshExpander.expand(session.spec()).toString()));
        if (resolved.isPresent()) {
          view.error(resolved.get());
          return ExitCodes.ERROR;
        }
        if (PlanFile.holdsMaskedValue(saved.get().saved())) {
          // The mask stands where a secret value was: the plan cannot be compared or run as saved.
          view.error(
              file + " holds values masked as secrets (" + Secret.REDACTED + "), so it"
                  + " cannot be run as saved; run meshctl apply " + specFile + " instead (it plans again)");
          return ExitCodes.ERROR;
        }
      }
      return ApplyRunner.run(session, saved, settings(view), err);
    }
  }

  private ApplyRunner.Settings settings(ApplyView view) {
    boolean tty = System.console() != null;
    return new ApplyRunner.Settings(
        autoApprove,
        Optional.ofNullable(parallelism),
        Optional.ofNullable(perController),
        lock,
        lockTimeout,
        breakLock,
        verifyTimeout,
        view,
        tty && view.forPeople(),
        force,
        WaitNotices.interval());
  }

  /**
   * A saved plan is JSON, named {@code *.json} by convention; a spec is YAML. A plan saved under
   * another name is still recognised by its {@code "kind": "plan"}, rather than read as a spec
   * and refused for keys a spec does not have.
   */
  static boolean isPlanFile(Path file) {
    if (file.getFileName() != null
        && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
      return true;
    }
    try {
      String text = Files.readString(file);
      return text.stripLeading().startsWith("{")
          && "plan".equals(new io.vertx.core.json.JsonObject(text).getValue("kind"));
    } catch (IOException | RuntimeException e) {
      // Unreadable or not JSON: the spec loader says what is wrong with it.
      return false;
    }
  }

  /**
   * Why the spec a saved plan names cannot be used: missing, unreadable, or changed since (its
   * SHA-256). Checked before the spec is loaded, so a changed spec is named as such rather than
   * by whatever its new content gets wrong.
   */
  private static Optional<String> specRefusal(LoadedPlan saved) {
    Path spec = saved.specFile();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(spec);
    } catch (NoSuchFileException e) {
      if (saved.oldRelativeSpecPath()) {
        return Optional.of(
            saved.file()
                + ": its spec "
                + spec
                + " is not in the current folder "
                + Path.of("").toAbsolutePath()
                + ". The plan was saved by an earlier meshctl, which recorded the spec's path relative to"
                + " the folder 'meshctl plan' ran in: run apply from that folder, or plan again (plans"
                + " saved now record the absolute path)");
      }
      return Optional.of(
          saved.file()
              + ": its spec "
              + spec
              + " does not exist (the plan records the spec's absolute path): apply where that"
              + " spec is, or run 'meshctl plan' again from the spec's new place");
    } catch (IOException e) {
      return Optional.of(saved.file() + ": its spec " + spec + " cannot be read: " + IoMessages.why(e));
    }
    return saved.specDifference(bytes);
  }
}
