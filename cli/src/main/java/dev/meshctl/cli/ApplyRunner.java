package dev.meshctl.cli;

import dev.meshctl.cli.views.ApplyView;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.engine.apply.ActionCost;
import dev.meshctl.engine.apply.ApplyEngine;
import dev.meshctl.engine.apply.ApplyHooks;
import dev.meshctl.engine.apply.ApplyOptions;
import dev.meshctl.engine.apply.ApplyOutcome;
import dev.meshctl.engine.apply.ApplyReport;
import dev.meshctl.engine.apply.ExpectedPlan;
import dev.meshctl.engine.diff.MeshDiff;
import dev.meshctl.engine.lock.Holding;
import dev.meshctl.engine.lock.LockSettings;
import dev.meshctl.engine.lock.VariableLeaseStore;
import dev.meshctl.engine.plan.Plan;
import dev.meshctl.engine.plan.PlanAction;
import dev.meshctl.engine.progress.LiveProgress;
import dev.meshctl.engine.progress.Progress;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.io.Console;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Runs one apply for the CLI (apply and demo): builds the engine on a session, shows the plan,
 * asks for confirmation, shows progress, prints the summary, and turns the outcome into an exit
 * code.
 */
final class ApplyRunner {
  /** How long Ctrl-C waits for running actions before the process exits anyway. */
  static final Duration INTERRUPT_GRACE = Duration.ofSeconds(90);

  /**
   * What the user asked for.
   *
   * @param parallelism empty: the spec's {@code execution.parallelism}
   * @param perControllerLimit empty: the spec's {@code execution.per_controller}
   * @param tty whether a person is at a terminal (live display, confirmation prompt)
   * @param noticeInterval how often a long wait is told about outside a terminal
   */
  record Settings(
      boolean autoApprove,
      Optional<Integer> parallelism,
      Optional<Integer> perControllerLimit,
      boolean lock,
      Duration lockTimeout,
      boolean breakLock,
      Duration verifyTimeout,
      ApplyView view,
      boolean tty,
      boolean force,
      Duration noticeInterval) {}

  private ApplyRunner() {}

  static int run(MeshSession session, Optional<? extends ExpectedPlan> saved, Settings s, PrintWriter err) {
    MeshSpec spec = session.spec();
    ApplyEngine engine =
        new ApplyEngine(
            session.vertx(),
            spec,
            session.clients(),
            Optional.ofNullable(session.clients().get(spec.root())).map(VariableLeaseStore::new),
            LockSettings.DEFAULT,
            ActionCost.VNS3);
    ApplyOptions options =
        ApplyOptions.of(spec.execution(), holder())
            .withParallelism(s.parallelism().orElse(spec.execution().parallelism()))
            .withPerControllerLimit(s.perControllerLimit().orElse(spec.execution().perController()))
            .withLock(s.lock(), s.lockTimeout(), s.breakLock())
            .withVerifyTimeout(s.verifyTimeout());
    // Notes for whoever watches: "still waiting" lines and lock holders, never inside JSON events.
    PrintWriter notes = s.view().questions();
    Progress<PlanAction> display = s.view().progress(session.vertx(), s.tty());
    RunningActions progress =
        new RunningActions(display, session.vertx(), s.tty() ? Optional.empty() : Optional.of(notes), s.noticeInterval());
    Promise<Void> cancel = Promise.promise();
    ApplyHooks hooks =
        new ApplyHooks(
            (plan, diff) -> confirm(session, plan, diff, s),
            progress,
            cancel.future(),
            new LockWaitNotices(notes, s.noticeInterval(), Clock.systemUTC())::waiting,
            Optional.of(ReadWatch.lines(s.view(), err)));
    if (!s.lock()) {
      s.view().warning("applying without the apply lock (--lock=false): another apply may run at the same time");
    }
    if (s.lock() && s.breakLock() && !breakingApproved(session, s, err)) {
      return ExitCodes.ERROR;
    }
    ApplyReport report;
    try (InterruptHook interrupt =
        InterruptHook.twoStage(
            cancel::tryComplete,
            INTERRUPT_GRACE,
            err,
            () -> firstInterrupt(progress.running()),
            () -> secondInterrupt(s.lock()),
            message -> display instanceof LiveProgress<PlanAction> live && live.note(message))) {
      report = session.await(engine.apply(options, saved, hooks));
      s.view().summary(report);
    }
    return exitCode(report.outcome());
  }

  /** 0 on success, 130 when interrupted, 1 otherwise. */
  static int exitCode(ApplyOutcome outcome) {
    if (outcome.success()) {
      return ExitCodes.OK;
    }
    return outcome == ApplyOutcome.CANCELLED ? ExitCodes.INTERRUPTED : ExitCodes.ERROR;
  }

  /** What the first Ctrl-C prints at once. */
  static String firstInterrupt(int running) {
    String waiting =
        running == 0
            ? "no action is running; stopping once the current step ends (a wait for the lock is left at once)"
            : "waiting for "
                + running
                + (running == 1 ? " running action" : " running actions")
                + " (reboot and keyset waits are left at once)";
    return "Interrupted: no new action starts; " + waiting + "... Press Ctrl-C again to exit now.";
  }

  /** What the second Ctrl-C prints before the process exits without waiting. */
  static String secondInterrupt(boolean locked) {
    String lock =
        locked
            ? "The apply lock, if this run held it, is not released: it lapses by itself "
                + WaitNotices.elapsed(LockSettings.DEFAULT.lease())
                + " after its last renewal (its lease), so a re-run may have to wait that long"
                + " (or run 'meshctl unlock'). "
            : "";
    return "Interrupted again: exiting now; running actions are left to the controllers. "
        + lock
        + "Run the same 'meshctl apply' again: it reads the controllers and continues where this run stopped.";
  }

  /** Says whose live lock --break-lock would break, and asks unless forced. */
  private static boolean breakingApproved(MeshSession session, Settings s, PrintWriter err) {
    List<Holding> stored;
    try {
      stored = session.await(LockBreaking.lockOf(session).current());
    } catch (RuntimeException e) {
      // Unreadable (unreachable, or not licensed yet): nothing to show; the apply says why.
      return true;
    }
    boolean forced = s.force() || s.autoApprove();
    return LockBreaking.approved(
        LockBreaking.live(stored), "--break-lock", "--force (or --auto-approve)", forced, s.view().questions(), err, s.view());
  }

  /** Shows the plan and asks; never blocks the event loop (the prompt runs on a worker). */
  private static Future<Boolean> confirm(MeshSession session, Plan plan, MeshDiff diff, Settings s) {
    s.view().plan(plan, diff);
    if (s.autoApprove()) {
      return Future.succeededFuture(true);
    }
    Console console = System.console();
    if (!s.tty() || console == null) {
      s.view().error(
          "apply needs a confirmation and there is no terminal to ask on;"
              + " run with --auto-approve to apply without asking");
      return Future.succeededFuture(false);
    }
    String question =
        "\nApply these " + plan.order().size() + " actions? Only 'yes' will be accepted: ";
    return session
        .vertx()
        .executeBlocking(() -> "yes".equals(Optional.ofNullable(console.readLine("%s", question)).orElse("").strip()));
  }

  /** {@code user@host:pid}, shown to another run that finds the mesh locked. */
  static String holder() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "unknown-host";
    }
    return System.getProperty("user.name", "unknown") + "@" + host + ":" + ProcessHandle.current().pid();
  }
}
