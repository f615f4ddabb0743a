package dev.meshctl.cli;

import dev.meshctl.cli.views.View;
import dev.meshctl.cli.reconcile.Health;
import dev.meshctl.cli.reconcile.LogFormat;
import dev.meshctl.cli.reconcile.MetricsServer;
import dev.meshctl.cli.reconcile.ReconcileMetrics;
import dev.meshctl.cli.reconcile.Redactor;
import dev.meshctl.cli.reconcile.TickLog;
import dev.meshctl.dsl.load.LoadOptions;
import dev.meshctl.dsl.model.Masker;
import dev.meshctl.dsl.load.LoadResult;
import dev.meshctl.engine.client.ClientOptions;
import dev.meshctl.engine.lock.LockSettings;
import dev.meshctl.engine.reconcile.ActionEvent;
import dev.meshctl.engine.reconcile.BackoffPolicy;
import dev.meshctl.engine.reconcile.ClientPool;
import dev.meshctl.engine.reconcile.FileSpecSource;
import dev.meshctl.engine.reconcile.ReconcileListener;
import dev.meshctl.engine.reconcile.ReconcileOptions;
import dev.meshctl.engine.reconcile.Reconciler;
import dev.meshctl.engine.reconcile.TickOutcome;
import dev.meshctl.engine.reconcile.TickReport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code meshctl reconcile}: a long-running loop that keeps the live mesh equal to the spec,
 * with a log line per tick and per action and, optionally, an HTTP endpoint for health and
 * Prometheus metrics.
 */
@Command(
    name = "reconcile",
    mixinStandardHelpOptions = true,
    description = {
      "Keep the controllers equal to the spec, continuously: every interval (with jitter), read"
          + " the mesh, repair the drift that can be repaired (peer links, routes, a controller that came"
          + " back fresh, even a replaced root) under the apply lock, and report what cannot be."
    },
    footer = {
      "",
      "Irreversible drift (another topology, a keyset from another token) is reported every tick"
          + " and never touched. A controller that keeps failing is left alone with a growing backoff"
          + " (one cheap request per tick tells when it is back). A changed spec file is validated and"
          + " used from the next tick; an invalid one is reported and the last good spec kept.",
      "",
      "Exit status (--once or --ticks): 0 converged, 1 not converged or failed, 2 drift found"
          + " (--dry-run). SIGINT/SIGTERM stop the loop after the current tick, lock released.",
      "",
      "Examples:",
      "  meshctl reconcile mesh.yaml --interval 60s --listen 127.0.0.1:9464",
      "  meshctl reconcile mesh.yaml --once --log-format json",
      "  meshctl reconcile mesh.yaml --once --dry-run"
    })
final class ReconcileCommand implements java.util.concurrent.Callable<Integer> {
  /** The values shell completion offers for {@code --log-format}. */
  static final class LogFormats extends java.util.ArrayList<String> {
    LogFormats() {
      super(java.util.List.of("text", "json"));
    }
  }

  /** How long SIGINT/SIGTERM waits for the running tick to end (under systemd's default 90 s). */
  private static final Duration STOP_GRACE = Duration.ofSeconds(80);

  @CommandLine.Spec CommandLine.Model.CommandSpec command;

  /** The spec file (watched for changes) and an optional endpoint map. */
  @CommandLine.Mixin SpecOptions spec;

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      defaultValue = "60s",
      converter = SimDurations.class,
      description = "The pause between ticks, e.g. 30s or 5m (default: ${DEFAULT-VALUE}).")
  Duration interval;

  @Option(
      names = "--jitter",
      paramLabel = "FRACTION",
      defaultValue = "0.1",
      description = "Up to this fraction of the interval is added at random to each pause (default: ${DEFAULT-VALUE}).")
  double jitter;

  @Option(names = "--once", description = "Run one tick and exit (for cron).")
  boolean once;

  @Option(
      names = "--ticks",
      paramLabel = "N",
      defaultValue = "0",
      description = "Exit after N ticks (default: 0, run until stopped).")
  long ticks;

  @Option(names = "--dry-run", description = "Only read, diff and report; change nothing.")
  boolean dryRun;

  @Option(
      names = "--listen",
      paramLabel = "HOST:PORT",
      description = "Serve /healthz and Prometheus /metrics here, e.g. 127.0.0.1:9464.")
  String listen;

  @Option(
      names = "--log-format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      completionCandidates = ReconcileCommand.LogFormats.class,
      description = "text or json: one line per tick and per action (default: ${DEFAULT-VALUE}).")
  String logFormat;

  @Option(
      names = "--backoff",
      paramLabel = "DURATION",
      defaultValue = "30s",
      converter = SimDurations.class,
      description = "A failing controller's first backoff, doubled at each further failure (default: ${DEFAULT-VALUE}).")
  Duration backoffBase;

  @Option(
      names = "--backoff-cap",
      paramLabel = "DURATION",
      defaultValue = "10m",
      converter = SimDurations.class,
      description = "The longest backoff (default: ${DEFAULT-VALUE}).")
  Duration backoffCap;

  @Option(
      names = "--lock",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Hold the apply lock on the root controller while repairing (default: ${DEFAULT-VALUE}).")
  boolean lock;

  @Option(
      names = "--per-controller",
      paramLabel = "N",
      description =
          "The most actions at once on one controller; 0 for no limit. Protects each controller's API"
              + " (default: the spec's execution.per_controller, 1).")
  Integer perController;

  @Option(
      names = "--waits",
      paramLabel = "KIND",
      defaultValue = "vns3",
      completionCandidates = Waits.Candidates.class,
      description = "How to wait for reboots and keyset jobs: vns3 or simulated (for 'meshctl sim').")
  String waits;

  @Override
  public Integer call() {
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    View view = View.human(out, err, MaskedOutput.masker(err));
    Optional<String> problem = checkOptions();
    if (problem.isPresent()) {
      view.error(problem.get());
      return ExitCodes.ERROR;
    }
    Optional<MetricsServer.Address> address = Optional.ofNullable(listen).flatMap(MetricsServer.Address::parse);
    ClientOptions clientOptions = Waits.clientOptions(waits).orElseThrow();
    LoadOptions load = spec.loadOptions();

    Vertx vertx = Vertx.vertx();
    ClientPool pool = new ClientPool(vertx, clientOptions);
    Optional<MetricsServer> server = Optional.empty();
    try {
      Masker masker = MaskedOutput.masker(err);
      FileSpecSource source = new FileSpecSource(vertx, spec.file, load, masker);
      LoadResult first = source.loadInitial();
      view.diagnostics(first.diagnostics());
      if (!first.ok()) {
        return ExitCodes.ERROR;
      }
      ReconcileMetrics metrics = new ReconcileMetrics();
      TickLog log =
          new TickLog(out, LogFormat.parse(logFormat).orElseThrow(), new Redactor(source::current, masker), Clock.systemUTC());
      AtomicLong ended = new AtomicLong();
      Reconciler[] loop = new Reconciler[1];
      ReconcileListener listener =
          new ReconcileListener() {
            @Override
            public void action(ActionEvent event) {
              log.action(event);
            }

            @Override
            public void tick(TickReport report) {
              log.tick(report);
              metrics.tick(report);
              if (ticks > 0 && ended.incrementAndGet() >= ticks) {
                loop[0].stop();
              }
            }
          };
      loop[0] = new Reconciler(vertx, source, pool, options(), listener);
      Reconciler reconciler = loop[0];
      if (address.isPresent()) {
        Duration staleAfter = interval.multipliedBy(3).plus(Duration.ofMinutes(5));
        try {
          server =
              Optional.of(
                  await(
                      MetricsServer.start(
                          vertx,
                          address.get(),
                          () -> masker.mask(metrics.scrape()),
                          () -> Health.of(reconciler.lastReport(), metrics.lastConvergence(), Clock.systemUTC().instant(), staleAfter))));
        } catch (RuntimeException e) {
          view.error("cannot listen on " + listen + ": " + Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName()));
          return ExitCodes.ERROR;
        }
        err.println(
            "meshctl: serving /healthz and /metrics on http://" + address.get().host() + ":" + server.get().port());
        err.flush();
      }
      InterruptHook interrupt = new InterruptHook(reconciler::stop, STOP_GRACE, err);
      try {
        if (once) {
          TickReport report = await(reconciler.tick());
          close(server, pool, vertx);
          server = Optional.empty();
          return interrupt.fired() ? ExitCodes.INTERRUPTED : exitCode(report);
        }
        reconciler.start();
        // Until --ticks is reached or SIGINT/SIGTERM stops it; the hook waits for the close below.
        await(reconciler.stopped());
        close(server, pool, vertx);
        server = Optional.empty();
        if (interrupt.fired()) {
          return ExitCodes.INTERRUPTED;
        }
        return reconciler.lastReport().map(this::exitCode).orElse(ExitCodes.ERROR);
      } finally {
        interrupt.close();
      }
    } finally {
      close(server, pool, vertx);
    }
  }

  private int exitCode(TickReport r) {
    if (dryRun && r.outcome() == TickOutcome.DRIFTING && r.error().isEmpty()) {
      return ExitCodes.CHANGES;
    }
    return r.outcome().converged() ? ExitCodes.OK : ExitCodes.ERROR;
  }

  private ReconcileOptions options() {
    return ReconcileOptions.defaults(interval, ApplyRunner.holder())
        .withJitter(jitter)
        .withBackoff(new BackoffPolicy(backoffBase, backoffCap))
        .withDryRun(dryRun)
        .withLock(lock, LockSettings.DEFAULT)
        .withPerControllerLimit(perController == null ? OptionalInt.empty() : OptionalInt.of(perController));
  }

  private Optional<String> checkOptions() {
    if (interval.isZero()) {
      return Optional.of("--interval must be positive");
    }
    if (jitter < 0 || jitter > 1) {
      return Optional.of("--jitter must be between 0 and 1, not " + jitter);
    }
    if (backoffBase.isZero() || backoffCap.compareTo(backoffBase) < 0) {
      return Optional.of("--backoff must be positive and --backoff-cap at least --backoff");
    }
    if (ticks < 0 || (perController != null && perController < 0)) {
      return Optional.of("--ticks and --per-controller cannot be negative");
    }
    if (LogFormat.parse(logFormat).isEmpty()) {
      return Optional.of("--log-format must be text or json, not '" + logFormat + "'");
    }
    if (Waits.clientOptions(waits).isEmpty()) {
      return Optional.of(Waits.invalid(waits));
    }
    if (listen != null && MetricsServer.Address.parse(listen).isEmpty()) {
      return Optional.of("--listen must be HOST:PORT, e.g. 127.0.0.1:9464, not '" + listen + "'");
    }
    return Optional.empty();
  }

  private static void close(Optional<MetricsServer> server, ClientPool pool, Vertx vertx) {
    try {
      Future<Void> closed = server.map(MetricsServer::close).orElse(Future.succeededFuture());
      await(closed.transform(x -> pool.close()));
    } catch (RuntimeException e) {
      // Closing is best effort: the loop has reported.
    }
    try {
      // Called from this thread, not chained on a context that closing Vert.x terminates.
      await(vertx.close());
    } catch (RuntimeException e) {
      // As above.
    }
  }

  /** Waits for {@code f} on the command's thread: the CLI boundary, never an event loop. */
  private static <T> T await(Future<T> f) {
    return MeshSession.block(f);
  }
}
