package dev.meshctl.engine.reliability;

import static dev.meshctl.engine.reliability.CampaignMesh.await;

import dev.meshctl.engine.apply.ApplyEngine;
import dev.meshctl.engine.apply.ApplyHooks;
import dev.meshctl.engine.apply.ApplyOptions;
import dev.meshctl.engine.apply.ApplyOutcome;
import dev.meshctl.engine.apply.ApplyReport;
import dev.meshctl.engine.client.RouteRequest;
import dev.meshctl.engine.client.Vns3Client;
import dev.meshctl.engine.desired.RouteMarker;
import dev.meshctl.engine.live.LiveRoute;
import dev.meshctl.engine.live.MeshState;
import dev.meshctl.engine.live.PeerLink;
import dev.meshctl.engine.plan.PlanAction;
import dev.meshctl.engine.progress.Progress;
import dev.meshctl.engine.walk.NodeOutcome;
import dev.meshctl.engine.walk.NodeStatus;
import dev.meshctl.simulator.FaultConfig;
import dev.meshctl.simulator.SimulatedController;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import dev.meshctl.simulator.VariableReading;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * One seeded campaign run after another over the same simulated controllers: a random starting
 * state, a random fault schedule during an apply, the apply's report classified, then a fault-free
 * apply that must converge and the invariants checked.
 */
final class FaultCampaign {
  private static final Future<Void> NEVER = Promise.<Void>promise().future();

  private final CampaignMesh mesh;
  final CampaignFigures figures = new CampaignFigures();

  FaultCampaign(CampaignMesh mesh) {
    this.mesh = mesh;
  }

  private static ApplyHooks hooks(Future<Void> cancel) {
    return new ApplyHooks((p, d) -> Future.succeededFuture(true), new Progress<PlanAction>() {}, cancel);
  }

  private static ApplyOptions options(String holder, Duration lockWait) {
    return ApplyOptions.defaults(8, holder)
        .withLock(true, lockWait, false)
        .withVerifyTimeout(Duration.ofMillis(1500));
  }

  private long seedNow;
  /** The {@code --break-lock} applies this run started, each while the faulty apply ran. */
  private final List<Future<ApplyReport>> breakers = new ArrayList<>();
  /** Faults armed for the license reboot; those that never fired are over once the apply is. */
  private final List<Runnable> armedLicenseFaults = new ArrayList<>();

  /** Runs the campaign's run {@code seed}, adding to {@link #figures}. */
  void run(long seed) throws Exception {
    seedNow = seed;
    Random rnd = new Random(seed);
    reset();
    StartingState start = StartingState.values()[rnd.nextInt(StartingState.values().length)];
    figures.runs++;
    figures.starts.merge(start, 1, Integer::sum);
    prepare(start, rnd);
    // The lock must hold under every reading of custom variables; drawn apart from the rest, so
    // that the other draws of a seed stay as they were.
    List<VariableReading> readings = VariableReading.all();
    VariableReading reading = readings.get(new Random(seed * 0x9E3779B97F4A7C15L).nextInt(readings.size()));
    mesh.sim.variableReading(reading);
    figures.readings.merge(reading.toString(), 1, Integer::sum);
    // A cancelled setup apply may have left a keyset download that reboots its controller.
    settle();
    SortedMap<String, SortedSet<String>> unmanagedBefore = Invariants.unmanaged(await(mesh.cleanEngine().read()));

    breakers.clear();
    armedLicenseFaults.clear();
    List<Future<Void>> schedule = scheduleFaults(rnd);
    Future<ApplyReport> applying = mesh.engine().apply(options("campaign@faulty:" + seed, Duration.ZERO), Optional.empty(), hooks(NEVER));
    ApplyReport report;
    try {
      report = await(applying);
    } catch (Exception e) {
      figures.violations.add("seed " + seed + ": apply raised instead of reporting: " + e);
      figures.applyViolations++;
      report = null;
    }
    // A license fault that has not fired will not: this apply sends no more license parameters.
    armedLicenseFaults.forEach(Runnable::run);
    await(Future.join(schedule));
    for (FaultyClient f : mesh.faults.values()) {
      f.earlyRebootEnds().forEach(e -> figures.violations.add("seed " + seed + ": " + e));
    }
    clearFaults();
    figures.keysetReboots = mesh.faults.values().stream().mapToLong(FaultyClient::keysetReboots).sum();
    figures.licenseRebootWaits = mesh.faults.values().stream().mapToLong(FaultyClient::licenseRebootWaits).sum();

    boolean lockBroken = !breakers.isEmpty();
    if (report != null) {
      if (report.outcome() == ApplyOutcome.LOCK_LOST) {
        figures.lockLostStops++;
      }
      switch (classify(seed, report, lockBroken)) {
        case CONVERGED -> figures.converged++;
        case CLEAN_FAILURE -> figures.cleanFailures++;
        case VIOLATION -> figures.applyViolations++;
      }
    }
    for (Future<ApplyReport> b : breakers) {
      figures.breakLockApplies++;
      if (b.failed()) {
        figures.violations.add("seed " + seed + ": the --break-lock apply raised instead of reporting: " + b.cause());
      } else if (classify(seed + " (the --break-lock apply)", b.result(), true) == Classified.CONVERGED) {
        figures.breakLockConverged++;
      }
    }

    ApplyReport clean = await(mesh.cleanEngine().apply(options("campaign@clean:" + seed, Duration.ofSeconds(6)), Optional.empty(), hooks(NEVER)));
    boolean converged = clean.outcome().success() && clean.verification().map(v -> v.converged()).orElse(false);
    if (converged) {
      figures.faultFreeConverged++;
    } else {
      figures.violations.add("seed " + seed + ": the fault-free apply did not converge: " + describe(clean));
    }
    MeshState after = await(mesh.cleanEngine().read());
    if (!mesh.cleanEngine().plan(after).order().isEmpty()) {
      figures.violations.add("seed " + seed + ": diff not empty after the fault-free apply: " + mesh.cleanEngine().plan(after).order());
    }
    for (String v : Invariants.check(mesh.spec, after, unmanagedBefore)) {
      figures.violations.add("seed " + seed + ": " + v);
    }
  }

  /**
   * Counts a report as converged or a clean failure, or records the violation. {@code
   * lockBroken}: another run broke the lock meanwhile, so stopping for a lost lock is a clean end.
   */
  private Classified classify(Object seed, ApplyReport report, boolean lockBroken) throws Exception {
    if (report.outcome().success()) {
      if (report.verification().isEmpty() || !report.verification().get().converged()) {
        figures.violations.add("seed " + seed + ": reported " + report.outcome() + " without a converged verification");
        return Classified.VIOLATION;
      }
      MeshState now = await(mesh.cleanEngine().read());
      List<PlanAction> left = mesh.cleanEngine().plan(now).order();
      if (!left.isEmpty()) {
        // What is left says which run wrote last, which the seed alone may not replay: it is timing.
        figures.violations.add("seed " + seed + ": reported converged but a following diff is not empty: "
            + left.stream().limit(5).map(ApplyEngine::label).toList() + (left.size() > 5 ? " and " + (left.size() - 5) + " more" : ""));
        return Classified.VIOLATION;
      }
      return Classified.CONVERGED;
    }
    List<String> unreported = unreported(report, lockBroken);
    if (unreported.isEmpty()) {
      return Classified.CLEAN_FAILURE;
    }
    figures.violations.add("seed " + seed + ": " + report.outcome() + " not reported exactly: " + unreported);
    return Classified.VIOLATION;
  }

  private enum Classified {
    CONVERGED,
    CLEAN_FAILURE,
    VIOLATION
  }

  /**
   * What a failed apply's report leaves unexplained; empty when it says what failed and why. A
   * lost lock is an explained end only when {@code lockBroken}: no other fault takes it away.
   */
  static List<String> unreported(ApplyReport report, boolean lockBroken) {
    List<String> gaps = new ArrayList<>();
    switch (report.outcome()) {
      case FAILED -> {
        if (report.walk().isEmpty()) {
          gaps.add("no walk in a failed apply");
          break;
        }
        if (report.walk().get().with(NodeStatus.FAILED).isEmpty()) {
          gaps.add("failed without a failed action");
        }
        for (NodeOutcome<PlanAction> o : report.walk().get().outcomes()) {
          switch (o.status()) {
            case FAILED -> {
              if (o.error().isEmpty() || o.error().get().getMessage() == null || o.error().get().getMessage().isBlank()) {
                gaps.add(ApplyEngine.label(o.node()) + " failed without an error");
              }
            }
            case SKIPPED, NOT_STARTED -> {
              if (o.reason().isBlank()) {
                gaps.add(ApplyEngine.label(o.node()) + " " + o.status() + " without a reason");
              }
            }
            case SUCCEEDED -> {}
          }
        }
      }
      case NOT_CONVERGED -> {
        if (report.verification().isEmpty() || report.verification().get().converged()) {
          gaps.add("not converged without a verification that says what differs");
        }
      }
      case REFUSED -> {
        if (report.problems().isEmpty() || report.problems().stream().anyMatch(d -> d.message().isBlank())) {
          gaps.add("refused without a reason");
        }
      }
      case LOCK_LOST -> {
        if (!lockBroken) {
          gaps.add("the lock was lost although no run broke it");
        } else if (report.problems().isEmpty() || report.problems().stream().anyMatch(d -> d.message().isBlank())) {
          gaps.add("stopped for a lost lock without saying why");
        }
      }
      default -> gaps.add("unexpected outcome " + report.outcome() + " of an apply nobody cancelled");
    }
    return gaps;
  }

  private static String describe(ApplyReport r) {
    StringBuilder s = new StringBuilder(r.outcome().toString()).append(' ').append(r.problems());
    r.walk().ifPresent(w -> w.with(NodeStatus.FAILED).forEach(o -> s.append(" | ").append(ApplyEngine.label(o.node())).append(": ").append(o.error().map(Throwable::getMessage).orElse(""))));
    r.verification().ifPresent(v -> s.append(" | remaining ").append(v.remaining()).append(" unreachable ").append(v.unreachableLinks()).append(" unreadable ").append(v.unreadable()));
    return s.toString();
  }

  private void reset() throws Exception {
    clearFaults();
    for (SimulatedController c : mesh.sim.controllers()) {
      relisten(c::up);
      relisten(c::wipe);
    }
  }

  /**
   * Reopens a simulated controller's listener. A reboot the controller started by itself (after
   * its license parameters) may still be closing the old listener, so the port can be busy for a
   * moment: try again shortly, as often as needed within a few seconds.
   */
  private static void relisten(java.util.function.Supplier<Future<Void>> open) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (true) {
      try {
        await(open.get());
        return;
      } catch (Exception e) {
        if (System.nanoTime() > deadline || !String.valueOf(e.getMessage()).contains("Address already in use")) {
          throw e;
        }
        Thread.sleep(50);
      }
    }
  }

  private void clearFaults() throws Exception {
    mesh.faults.values().forEach(FaultyClient::clear);
    for (SimulatedController c : mesh.sim.controllers()) {
      c.setFaults(FaultConfig.NONE);
      relisten(c::up);
    }
    settle();
  }

  /**
   * Waits until every controller is up with no keyset job running, twice in a row: a controller
   * rebooted late in the run may still be coming back, and a keyset download an apply left
   * running ends in a reboot of its own.
   */
  private void settle() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    int calm = 0;
    while (calm < 2 && System.nanoTime() < deadline) {
      calm = settled() ? calm + 1 : 0;
      Thread.sleep(50);
    }
  }

  private boolean settled() throws Exception {
    for (SimulatedController c : mesh.sim.controllers()) {
      if (c.status() != dev.meshctl.simulator.ControllerStatus.UP) {
        return false;
      }
    }
    for (Vns3Client c : mesh.raw.values()) {
      if (!await(c.getConfig().map(x -> true).otherwise(false))
          || !await(c.getKeyset().map(k -> !k.inProgress()).otherwise(true))) {
        return false;
      }
    }
    return true;
  }

  private void prepare(StartingState start, Random rnd) throws Exception {
    switch (start) {
      case FRESH -> {}
      case PARTIAL -> {
        Promise<Void> cancel = Promise.promise();
        mesh.vertx.setTimer(1 + rnd.nextInt(250), t -> cancel.tryComplete());
        await(mesh.cleanEngine().apply(options("campaign@prefix", Duration.ZERO), Optional.empty(), hooks(cancel.future())));
      }
      case DRIFTED -> {
        ApplyReport converged = await(mesh.cleanEngine().apply(options("campaign@setup", Duration.ZERO), Optional.empty(), hooks(NEVER)));
        if (converged.outcome() != ApplyOutcome.APPLIED) {
          // A starved machine (event loops blocked for seconds) can time out every read of a
          // setup apply; the setup is not under test, so it gets one more try once all settled.
          settle();
          converged = await(mesh.cleanEngine().apply(options("campaign@setup", Duration.ofSeconds(6)), Optional.empty(), hooks(NEVER)));
        }
        if (converged.outcome() != ApplyOutcome.APPLIED) {
          throw new AssertionError("the fault-free setup apply did not converge (reading " + mesh.sim.variableReading() + ", seed " + seedNow + "): " + describe(converged));
        }
        int edits = 1 + rnd.nextInt(3);
        for (int i = 0; i < edits; i++) {
          drift(rnd);
        }
      }
    }
  }

  /** One hand edit through the API, as an operator in the VNS3 console would make. */
  private void drift(Random rnd) throws Exception {
    List<String> names = new ArrayList<>(mesh.raw.keySet());
    String name = names.get(rnd.nextInt(names.size()));
    Vns3Client c = mesh.raw.get(name);
    List<PeerLink> peers = await(c.getPeering()).peers().values().stream().filter(p -> !p.self() && !p.notSet()).toList();
    List<LiveRoute> managed = await(c.getRoutes()).stream().filter(RouteMarker::managed).toList();
    switch (rnd.nextInt(5)) {
      case 0 -> {
        if (!peers.isEmpty()) {
          await(c.deletePeer(peers.get(rnd.nextInt(peers.size())).id()));
        }
      }
      case 1 -> {
        if (!managed.isEmpty()) {
          await(c.deleteRoute(managed.get(rnd.nextInt(managed.size())).id()));
        }
      }
      case 2 -> {
        if (!peers.isEmpty()) {
          PeerLink p = peers.get(rnd.nextInt(peers.size()));
          await(c.updatePeer(p.id(), p.address(), OptionalInt.of(1200 + rnd.nextInt(200))));
        }
      }
      case 3 -> {
        if (!peers.isEmpty()) {
          PeerLink p = peers.get(rnd.nextInt(peers.size()));
          await(c.updatePeer(p.id(), "192.0.2." + (1 + rnd.nextInt(250)), OptionalInt.empty()));
        }
      }
      default ->
          await(
              c.createRoute(
                  new RouteRequest(
                      "198.51.100." + (rnd.nextInt(32) * 8) + "/29",
                      Optional.empty(),
                      Optional.of("eth0"),
                      false,
                      rnd.nextInt(10),
                      Optional.of("ops: hand-made route " + rnd.nextInt(1000)))));
    }
  }

  /** Arms one to three faults at random moments of the coming apply; each future ends when its fault is over. */
  private List<Future<Void>> scheduleFaults(Random rnd) {
    List<Future<Void>> over = new ArrayList<>();
    int n = 1 + rnd.nextInt(3);
    List<SimulatedController> controllers = mesh.sim.controllers();
    for (int i = 0; i < n; i++) {
      FaultKind kind = FaultKind.values()[rnd.nextInt(FaultKind.values().length)];
      SimulatedController target = controllers.get(rnd.nextInt(controllers.size()));
      long at = rnd.nextInt(200);
      long lasting = 50 + rnd.nextInt(300);
      double p = 0.2 + rnd.nextDouble() * 0.5;
      figures.injected(kind);
      Promise<Void> done = Promise.promise();
      over.add(done.future());
      switch (kind) {
        case BURST_502 -> window(target, new FaultConfig(p, 0, 0, 0), at, lasting, done);
        case BURST_503 -> window(target, new FaultConfig(0, p, 0, 0), at, lasting, done);
        case RESET -> window(target, new FaultConfig(0, 0, p, 0), at, lasting, done);
        case HANG -> window(target, new FaultConfig(0, 0, 0, p / 2), at, lasting, done);
        case DOWN ->
            mesh.vertx.setTimer(at + 1, t -> target.down().onComplete(d -> mesh.vertx.setTimer(lasting, u -> target.up().onComplete(x -> done.complete()))));
        case REBOOT -> mesh.vertx.setTimer(at + 1, t -> target.reboot().onComplete(x -> done.complete()));
        case BOOT_401 ->
            mesh.vertx.setTimer(
                at + 1,
                t -> target.reboot(Duration.ofMillis(150 + lasting)).onComplete(x -> done.complete()));
        case KEYSET_FAILS_ONCE -> {
          mesh.faults.get(target.name()).failNextKeysetFetch();
          done.complete();
        }
        case LATENCY_SPIKE -> mesh.vertx.setTimer(at + 1, t -> {
          mesh.faults.get(target.name()).spike(100 + rnd.nextInt(300), lasting);
          done.complete();
        });
        case LICENSE_REBOOT_FAULTS -> {
          // On the root, the one controller whose license parameters an apply sends; at the
          // moment they are accepted rather than at a drawn time.
          SimulatedController root = mesh.sim.controller(mesh.spec.root());
          FaultConfig mixed = new FaultConfig(p / 2, p / 4, p / 4, 0);
          java.util.concurrent.atomic.AtomicBoolean settled = new java.util.concurrent.atomic.AtomicBoolean();
          mesh.faults.get(root.name()).onLicenseAccepted(() -> {
            if (settled.compareAndSet(false, true)) {
              figures.licenseRebootFaultsFired++;
              window(root, mixed, 0, lasting, done);
            }
          });
          armedLicenseFaults.add(() -> {
            if (settled.compareAndSet(false, true)) {
              done.complete();
            }
          });
        }
        case BREAK_LOCK -> {
          long seed = seedNow;
          mesh.vertx.setTimer(at + 1, t -> {
            Future<ApplyReport> breaking =
                mesh.cleanEngine()
                    .apply(options("campaign@breaker:" + seed, Duration.ZERO).withLock(true, Duration.ZERO, true), Optional.empty(), hooks(NEVER));
            breakers.add(breaking);
            breaking.onComplete(r -> done.complete());
          });
        }
      }
    }
    return over;
  }

  private void window(SimulatedController target, FaultConfig faults, long at, long lasting, Promise<Void> done) {
    mesh.vertx.setTimer(at + 1, t -> {
      target.setFaults(faults);
      mesh.vertx.setTimer(lasting, u -> {
        target.setFaults(FaultConfig.NONE);
        done.tryComplete();
      });
    });
  }
}
