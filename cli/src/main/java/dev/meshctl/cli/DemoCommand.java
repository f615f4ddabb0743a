package dev.meshctl.cli;

import dev.meshctl.cli.views.ApplyView;
import dev.meshctl.dsl.load.LoadOptions;
import dev.meshctl.dsl.model.ControllerSpec;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.engine.apply.ApplyOptions;
import dev.meshctl.engine.client.ClientOptions;
import dev.meshctl.engine.live.LiveRoute;
import dev.meshctl.engine.progress.Durations;
import dev.meshctl.engine.render.HumanRenderer;
import dev.meshctl.engine.render.Style;
import dev.meshctl.simulator.Simulator;
import dev.meshctl.simulator.SimulatorConfig;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code meshctl demo}: the seed tutorial in one command, against simulated controllers started
 * in this process: plan, apply with progress, diff showing no change, and each controller's
 * learned routes.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Start simulated VNS3 controllers for examples/local/mesh.yaml, plan, apply with progress,"
          + " show that diff reports no changes and that every controller learned the others' subnets,"
          + " then stop them."
    },
    footer = {"", "Examples:", "  ./meshctl demo", "  ./meshctl demo --keep-running"})
final class DemoCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec command;

  @Option(
      names = "--spec",
      paramLabel = "FILE",
      description =
          "The spec to simulate and apply (default: examples/local/mesh.yaml when it exists here,"
              + " else the same example as carried by meshctl).")
  Path specFile;

  @Option(names = "--keep-running", description = "Leave the controllers running at the end, until Ctrl-C.")
  boolean keepRunning;

  @Option(names = "--no-color", description = "No ANSI colours (also: the NO_COLOR variable).")
  boolean noColor;

  private PrintWriter out;
  private Style style;
  private ApplyView view;

  @Override
  public Integer call() throws Exception {
    out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    boolean tty = System.console() != null;
    style = TerminalStyle.of(noColor);
    view = ApplyView.of(false, style, out, err, MaskedOutput.masker(err));
    if (specFile == null) {
      specFile = BundledExample.LOCAL_SPEC;
      if (!Files.isRegularFile(specFile)) {
        specFile = BundledExample.extract();
      }
    }
    if (!Files.isRegularFile(specFile)) {
      view.error(specFile + " not found: give --spec FILE, or leave --spec out for the example");
      return ExitCodes.ERROR;
    }
    long start = System.nanoTime();
    // Known only to this process, handed to the spec through its ${env:...} references.
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("MESHCTL_SIM_PASSWORD", randomHex(12));
    env.put("MESHCTL_KEYSET_TOKEN", randomHex(16));
    LoadOptions load = LoadOptions.defaults().withEnv(env);

    step(1, "Start the simulated controllers of " + specFile);
    Optional<MeshSession> opened = MeshSession.open(specFile, load, ClientOptions.SIMULATED, view, err);
    if (opened.isEmpty()) {
      return ExitCodes.ERROR;
    }
    Vertx simVertx = Vertx.vertx();
    try (MeshSession session = opened.get()) {
      MeshSpec spec = session.spec();
      Simulator sim;
      try {
        sim =
            session.await(
                Simulator.start(
                    simVertx, SimulatorConfig.fromSpec(spec).withApiPassword(env.get("MESHCTL_SIM_PASSWORD")).withAdminPort(-1)));
      } catch (RuntimeException e) {
        view.error(
            "cannot start the simulated controllers: "
                + e.getMessage()
                + " (is 'meshctl sim' or another demo using those ports?)");
        return ExitCodes.ERROR;
      }
      try {
        for (ControllerSpec c : spec.controllers()) {
          out.printf("   %-10s %s  private %s  subnet %s%n", c.name(), c.endpoint().baseUrl(), c.privateIp(), c.subnet());
        }
        out.flush();
        return tutorial(session, spec, tty, start) ? finish(sim, tty) : ExitCodes.ERROR;
      } finally {
        session.await(sim.close());
      }
    } finally {
      simVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  /** Steps 2 to 5; false if one of them failed (its output says why). */
  private boolean tutorial(MeshSession session, MeshSpec spec, boolean tty, long start) {
    PrintWriter err = command.commandLine().getErr();
    step(2, "Plan: meshctl plan " + specFile);
    Planning before = Planning.compute(session);
    out.print(new HumanRenderer(style).plan(before.plan(), before.diff()));

    step(3, "Apply: meshctl apply --auto-approve " + specFile);
    ApplyRunner.Settings settings =
        new ApplyRunner.Settings(
            true,
            Optional.empty(),
            Optional.empty(),
            true,
            Duration.ZERO,
            false,
            ApplyOptions.DEFAULT_VERIFY_TIMEOUT,
            view,
            tty,
            false,
            WaitNotices.interval());
    // The plan was shown in step 2; the apply shows it again only as what it runs.
    int applied = ApplyRunner.run(session, Optional.empty(), settings, err);
    if (applied != ExitCodes.OK) {
      return false;
    }

    step(4, "Diff: meshctl diff " + specFile);
    Planning after = Planning.compute(session);
    out.print(new HumanRenderer(style).diff(after.diff()));
    if (after.diff().hasChanges()) {
      return false;
    }

    step(5, "Routes: every controller learned the others' subnets over the peer links");
    boolean routed = true;
    for (ControllerSpec c : spec.controllers()) {
      List<LiveRoute> routes = session.await(session.clients().get(c.name()).getRoutes());
      TreeSet<String> have = new TreeSet<>();
      routes.forEach(r -> have.add(r.cidr()));
      TreeSet<String> others = new TreeSet<>();
      spec.controllers().stream().filter(o -> !o.name().equals(c.name())).forEach(o -> others.add(o.subnet()));
      TreeSet<String> missing = new TreeSet<>(others);
      missing.removeAll(have);
      others.removeAll(missing);
      out.printf(
          "   %-10s learned %s%s%n",
          c.name(),
          String.join(", ", others),
          missing.isEmpty() ? "  " + style.green("✓") : "  " + style.red("missing " + String.join(", ", missing)));
      routed &= missing.isEmpty();
    }
    out.printf("%nThe whole tutorial took %s.%n", Durations.format(Duration.ofNanos(System.nanoTime() - start)));
    out.flush();
    return routed;
  }

  private int finish(Simulator sim, boolean tty) throws InterruptedException {
    if (!keepRunning) {
      step(6, "Stop the simulated controllers");
      return ExitCodes.OK;
    }
    step(6, "The controllers keep running; press Ctrl-C to stop them");
    out.flush();
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "meshctl-demo-stop"));
    stop.await();
    return ExitCodes.OK;
  }

  private void step(int n, String what) {
    out.println();
    out.println(style.bold("==> " + n + ". " + what));
    out.flush();
  }

  private static String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
