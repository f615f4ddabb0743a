package dev.meshctl.cli;

import dev.meshctl.cli.views.View;
import dev.meshctl.dsl.load.LoadOptions;
import dev.meshctl.dsl.load.LoadResult;
import dev.meshctl.dsl.load.SpecLoader;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.simulator.FaultConfig;
import dev.meshctl.simulator.SimTimings;
import dev.meshctl.simulator.Simulator;
import dev.meshctl.simulator.SimulatorConfig;
import dev.meshctl.simulator.VariableReading;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code meshctl sim}: runs simulated VNS3 controllers on this machine until Ctrl-C, a sandbox to
 * try a spec before touching real controllers.
 */
@Command(
    name = "sim",
    mixinStandardHelpOptions = true,
    subcommands = {SimLicenseCommand.class},
    description = {
      "Run simulated VNS3 controllers on this machine (a sandbox: same API, same states, same"
          + " waits as real controllers) until Ctrl-C.",
      "Prints each controller's endpoint, private IP and initial API password: the password is"
          + " printed on purpose, it is a sandbox credential you need to drive the controllers.",
      "The admin API (/_sim/ on --admin-port) takes controllers down and up, reboots, wipes and"
          + " injects faults; see docs/simulator.md."
    },
    footer = {
      "",
      "Examples:",
      "  meshctl sim --controllers 4 --base-port 8001",
      "  meshctl sim --spec examples/local/mesh.yaml --state-dir .meshctl/sim",
      "  meshctl sim license --controllers 8 -o license.txt",
      "  curl -k -u api:PASSWORD https://127.0.0.1:8001/api/config"
    })
final class SimCommand implements Callable<Integer> {
  private static final String SEED_FILE = "seed";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--controllers", paramLabel = "N", description = "How many controllers (default: 4; ignored with --spec).")
  Integer controllers;

  @Option(names = "--base-port", paramLabel = "PORT", defaultValue = "8001",
      description = "Port of the first controller; the others follow (default: ${DEFAULT-VALUE}; 0: free ports).")
  int basePort;

  @Option(names = "--bind", paramLabel = "HOST", defaultValue = "127.0.0.1",
      description = "Loopback address to listen on (default: ${DEFAULT-VALUE}).")
  String bind;

  @Option(names = "--spec", paramLabel = "FILE",
      description = "One controller per spec controller, at its endpoint, with its addresses.")
  Path specFile;

  @Option(names = "--api-password", paramLabel = "PASSWORD",
      description = "Initial API password of every controller (default: the spec's, else one generated per controller from the seed).")
  String apiPassword;

  @Option(names = "--plain-http", description = "Plain HTTP instead of HTTPS with self-signed certificates.")
  boolean plainHttp;

  @Option(names = "--state-dir", paramLabel = "DIR",
      description = "Keep each controller's configuration here across restarts, like an appliance's disk.")
  Path stateDir;

  @Option(names = "--admin-port", paramLabel = "PORT", defaultValue = "0",
      description = "Port of the /_sim/ admin API on 127.0.0.1 (default: a free port; -1: none).")
  int adminPort;

  @Option(names = "--seed", paramLabel = "N",
      description = "Seeds latency jitter, faults and generated passwords (default: random, kept in --state-dir).")
  Long seed;

  @Option(names = "--address-map", paramLabel = "FILE",
      description = "Lines 'ADDRESS ENDPOINT' for controllers hosted by another simulator process.")
  Path addressMap;

  @Option(names = "--latency", paramLabel = "DURATION", converter = SimDurations.class, description = "Fixed latency per request (default: 2ms).")
  Duration latency;

  @Option(names = "--jitter", paramLabel = "DURATION", converter = SimDurations.class, description = "Up to this much more latency (default: 3ms).")
  Duration jitter;

  @Option(names = "--reboot-delay", paramLabel = "DURATION", converter = SimDurations.class,
      description = "How long the API keeps answering before a reboot (default: 300ms).")
  Duration rebootDelay;

  @Option(names = "--reboot", paramLabel = "DURATION", converter = SimDurations.class,
      description = "How long a reboot refuses connections (default: 2s).")
  Duration reboot;

  @Option(names = "--boot-proxy", paramLabel = "DURATION", converter = SimDurations.class,
      description = "How long a booting controller's front proxy answers 502/503 once connections are accepted again (default: 300ms).")
  Duration bootProxy;

  @Option(names = "--boot-unauthorized", paramLabel = "DURATION", converter = SimDurations.class,
      description = "How long a booting controller then answers 401 Unauthorized before it is healthy (default: 500ms).")
  Duration bootUnauthorized;

  @Option(names = "--keyset-generation", paramLabel = "DURATION", converter = SimDurations.class, description = "Keyset generation time (default: 1s).")
  Duration keysetGeneration;

  @Option(names = "--keyset-download", paramLabel = "DURATION", converter = SimDurations.class, description = "Keyset download time (default: 1s).")
  Duration keysetDownload;

  @Option(names = "--fault-502", paramLabel = "FRACTION", defaultValue = "0", description = "Fraction of requests answered 502.")
  double fault502;

  @Option(names = "--fault-503", paramLabel = "FRACTION", defaultValue = "0", description = "Fraction of requests answered 503.")
  double fault503;

  @Option(names = "--fault-reset", paramLabel = "FRACTION", defaultValue = "0", description = "Fraction of connections closed without an answer.")
  double faultReset;

  @Option(names = "--fault-hang", paramLabel = "FRACTION", defaultValue = "0", description = "Fraction of requests never answered.")
  double faultHang;

  @Option(names = "--variables", paramLabel = "READING", defaultValue = "",
      description = "How custom variables behave where the VNS3 document is silent, e.g."
          + " post=overwrite,names=prefixed,unlicensed=answer (default: post=refuse,names=plain,unlicensed=forbidden;"
          + " see docs/simulator.md).")
  String variables;

  @Option(names = "--run-for", paramLabel = "DURATION", converter = SimDurations.class,
      description = "Stop after this long (default: run until Ctrl-C).")
  Duration runFor;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    View view = View.human(out, err, MaskedOutput.masker(err));
    Optional<SimulatorConfig> built = config(view);
    if (built.isEmpty()) {
      return ExitCodes.ERROR;
    }
    SimulatorConfig config = built.get();
    VariableReading reading;
    try {
      reading = VariableReading.parse(variables);
    } catch (IllegalArgumentException e) {
      view.error("--variables " + e.getMessage());
      return ExitCodes.ERROR;
    }
    Vertx vertx = Vertx.vertx();
    Simulator sim;
    try {
      sim = Simulator.start(vertx, config).await();
    } catch (Exception e) {
      vertx.close().await();
      throw new IllegalStateException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
    }
    sim.variableReading(reading);
    SimTable.print(out, sim);
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stop(sim, vertx);
      stopped.countDown();
    }, "meshctl-sim-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    if (runFor == null) {
      stopped.await();
      return ExitCodes.INTERRUPTED;
    }
    if (stopped.await(runFor.toMillis(), TimeUnit.MILLISECONDS)) {
      return ExitCodes.INTERRUPTED;
    }
    Runtime.getRuntime().removeShutdownHook(hook);
    stop(sim, vertx);
    out.println("stopped after " + runFor.toMillis() + " ms");
    out.flush();
    return ExitCodes.OK;
  }

  private static void stop(Simulator sim, Vertx vertx) {
    sim.close().transform(x -> vertx.close()).toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
  }

  /** The simulator configuration from the flags; diagnostics printed and empty if a spec is invalid. */
  private Optional<SimulatorConfig> config(View view) throws IOException {
    SimulatorConfig c;
    try {
      if (specFile != null) {
        LoadResult loaded = SpecLoader.load(specFile, LoadOptions.defaults());
        view.mask(loaded.secrets());
        view.diagnostics(loaded.diagnostics());
        if (!loaded.ok()) {
          view.error(specFile + " is not a valid spec; see above");
          return Optional.empty();
        }
        MeshSpec mesh = loaded.spec().orElseThrow();
        // Each controller starts with the spec's password for it (fromSpec).
        c = SimulatorConfig.fromSpec(mesh);
      } else {
        int n = controllers == null ? 4 : controllers;
        if (n < 1 || n > 4096) {
          throw usage("--controllers must be 1..4096, got " + n);
        }
        if (basePort != 0 && (basePort < 1 || basePort + n - 1 > 65535)) {
          throw usage("--base-port " + basePort + " leaves no room for " + n + " controllers");
        }
        c = SimulatorConfig.sequential(n, bind, basePort);
      }
      c = c.withTls(!plainHttp && c.tls()).withAdminPort(adminPort).withSeed(seed());
      if (apiPassword != null) {
        c = c.withControllerPasswords(Map.of()).withApiPassword(apiPassword);
      }
      if (stateDir != null) {
        c = c.withStateDir(stateDir);
      }
      if (addressMap != null) {
        if (!Files.isRegularFile(addressMap)) {
          throw usage("--address-map " + addressMap + ": no such file");
        }
        c = c.withAddressMap(addressMap);
      }
      SimTimings d = SimTimings.DEFAULTS;
      c = c.withTimings(
          new SimTimings(
              or(latency, d.latencyFixed()),
              or(jitter, d.latencyJitter()),
              or(rebootDelay, d.rebootDelay()),
              or(reboot, d.rebootDuration()),
              or(keysetGeneration, d.keysetGeneration()),
              or(keysetDownload, d.keysetDownload()),
              or(bootProxy, d.proxyPhase()),
              or(bootUnauthorized, d.unauthorizedPhase())));
      c = c.withFaults(new FaultConfig(fault502, fault503, faultReset, faultHang));
      return Optional.of(c);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  /** --seed, else the seed kept in the state dir, else a new random one (kept there). */
  private long seed() throws IOException {
    if (seed != null) {
      return seed;
    }
    Path file = stateDir == null ? null : stateDir.resolve(SEED_FILE);
    if (file != null && Files.isRegularFile(file)) {
      try {
        return Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).strip());
      } catch (NumberFormatException e) {
        throw usage(file + " does not hold a seed; remove it or pass --seed");
      }
    }
    long fresh = new SecureRandom().nextLong();
    if (file != null) {
      Files.createDirectories(stateDir);
      Files.writeString(file, Long.toString(fresh) + "\n", StandardCharsets.UTF_8);
    }
    return fresh;
  }

  private static Duration or(Duration value, Duration otherwise) {
    return value == null ? otherwise : value;
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
