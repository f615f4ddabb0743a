package dev.meshctl.engine.reconcile;

import dev.meshctl.dsl.model.ControllerSpec;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.engine.address.ResourceAddress;
import dev.meshctl.engine.apply.ActionCost;
import dev.meshctl.engine.apply.ApplyEngine;
import dev.meshctl.engine.apply.ApplyHooks;
import dev.meshctl.engine.apply.ApplyOptions;
import dev.meshctl.engine.apply.Verification;
import dev.meshctl.engine.apply.Verifier;
import dev.meshctl.engine.client.Vns3Client;
import dev.meshctl.engine.desired.DesiredController;
import dev.meshctl.engine.desired.DesiredPeer;
import dev.meshctl.engine.live.ControllerObservation;
import dev.meshctl.engine.live.MeshState;
import dev.meshctl.engine.lock.HeldLock;
import dev.meshctl.engine.lock.LockHeldException;
import dev.meshctl.engine.lock.MeshLock;
import dev.meshctl.engine.lock.VariableLeaseStore;
import dev.meshctl.engine.pipeline.Judgement;
import dev.meshctl.engine.pipeline.MeshPipeline;
import io.vertx.core.Promise;
import dev.meshctl.engine.plan.PlanAction;
import dev.meshctl.engine.progress.Progress;
import dev.meshctl.engine.walk.NodeOutcome;
import dev.meshctl.engine.walk.NodeStatus;
import dev.meshctl.engine.walk.WalkReport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One tick of the loop: take the spec, probe controllers in backoff, read the others, judge the
 * drift, and (unless a dry run) take the lock, apply the repairable part through the apply engine,
 * check the result, release the lock, and update each controller's backoff. Every step is a
 * future on the loop's context; a tick never blocks and never fails (an unexpected failure
 * becomes an {@link TickOutcome#ERROR} report).
 */
final class Tick {
  private static final Duration MAX_SETTLE_PAUSE = Duration.ofSeconds(1);

  private final Vertx vertx;
  private final long number;
  private final ReconcileOptions options;
  private final ClientPool pool;
  private final ReconcileListener listener;
  private final Clock clock;
  private final Promise<Void> cancel = Promise.promise();
  private final Instant startedAt;
  private final long startNanos = System.nanoTime();

  private Backoffs backoffs;
  private SpecUpdate update;
  private MeshSpec spec;
  private Map<String, Vns3Client> clients = Map.of();
  private MeshPipeline pipeline;
  private LockStatus lock = LockStatus.NOT_NEEDED;
  private Optional<String> lockDetail = Optional.empty();
  private Optional<WalkReport<PlanAction>> walk = Optional.empty();
  /** The controllers this tick really reads (not in backoff), fixed at its first read. */
  private Set<String> attempted;
  /** The drift as found before any action, when actions ran. */
  private Optional<Analysis> found = Optional.empty();

  Tick(
      Vertx vertx,
      long number,
      ReconcileOptions options,
      ClientPool pool,
      ReconcileListener listener,
      Clock clock,
      Backoffs backoffs,
      Future<Void> stop) {
    this.vertx = vertx;
    this.number = number;
    this.options = options;
    this.pool = pool;
    this.listener = listener;
    this.clock = clock;
    this.backoffs = backoffs;
    this.startedAt = clock.instant();
    stop.onComplete(v -> cancel.tryComplete());
  }

  /** The backoffs after the tick (valid once {@link #run} completed). */
  Backoffs backoffs() {
    return backoffs;
  }

  /** The pipeline's judgement of one read (on a worker), as the loop sees it. */
  private Future<Analysis> analyse(MeshState live) {
    return pipeline.onWorker(() -> Analysis.of(Judgement.of(spec, live), live));
  }

  Future<TickReport> run(SpecSource source) {
    return source
        .poll()
        .compose(
            u -> {
              update = u;
              spec = u.spec();
              clients = pool.sync(spec);
              pipeline = new MeshPipeline(vertx, spec, clients);
              backoffs = backoffs.retain(clients.keySet());
              return probe();
            })
        .compose(v -> read())
        .compose(live -> analyse(live).compose(first -> act(first, live)))
        .recover(
            e -> {
              String why = Progress.describe(e);
              return Future.succeededFuture(
                  report(TickOutcome.ERROR, Optional.empty(), emptyState(), List.of(), Optional.of(why)));
            });
  }

  /** A cheap request to each unreachable controller in backoff: an answer means it is back. */
  private Future<Void> probe() {
    Instant now = clock.instant();
    List<Future<?>> probes = new ArrayList<>();
    for (Map.Entry<String, ControllerBackoff> e : backoffs.all().entrySet()) {
      String name = e.getKey();
      if (e.getValue().unreachable() && e.getValue().waitingAt(now)) {
        probes.add(
            pool.probe(name).getConfig().onSuccess(c -> backoffs = backoffs.recovered(name)));
      }
    }
    return Future.join(probes).<Void>mapEmpty().recover(e -> Future.succeededFuture());
  }

  /** Reads every controller not in backoff; those in backoff are reported unread, with why. */
  private Future<MeshState> read() {
    Instant now = clock.instant();
    if (attempted == null) {
      attempted = new java.util.HashSet<>();
      spec.controllers().stream()
          .filter(c -> !backoffs.waiting(c.name(), now))
          .forEach(c -> attempted.add(c.name()));
    }
    java.util.Map<String, String> skipped = new java.util.HashMap<>();
    for (ControllerSpec c : spec.controllers()) {
      if (!attempted.contains(c.name())) {
        skipped.put(c.name(), inBackoff(backoffs.of(c.name()).orElseThrow()));
      }
    }
    return pipeline.read(skipped);
  }

  private static String inBackoff(ControllerBackoff b) {
    return "in backoff until "
        + b.retryAt()
        + " after "
        + b.failures()
        + (b.failures() == 1 ? " failure: " : " failures: ")
        + b.reason();
  }

  private Future<TickReport> act(Analysis first, MeshState live) {
    if (options.dryRun() || first.repairable().plan().isEmpty()) {
      return finish(first, live, List.of());
    }
    if (!options.useLock()) {
      lockDetail = Optional.of("the lock is off");
      return execute(first, live);
    }
    if (!(live.controllers().get(spec.root()) instanceof ControllerObservation.Observed)) {
      lock = LockStatus.UNAVAILABLE;
      lockDetail = Optional.of("the root controller \"" + spec.root() + "\", where the lock lives, was not read");
      return execute(first, live);
    }
    MeshLock meshLock =
        new MeshLock(vertx, new VariableLeaseStore(clients.get(spec.root())), options.lock(), clock);
    return meshLock
        .acquire(options.holder(), Duration.ZERO)
        .transform(
            taken -> {
              if (taken.succeeded()) {
                lock = LockStatus.HELD;
                HeldLock held = taken.result();
                held.lost().onFailure(e -> cancel.tryComplete());
                // Read again under the lock: the plan that runs is one no other run can change.
                return read()
                    .compose(again -> analyse(again).compose(a -> execute(a, again)))
                    .transform(
                        done ->
                            held.release()
                                .transform(
                                    released -> {
                                      if (released.failed()) {
                                        lockDetail = Optional.of(Progress.describe(released.cause()));
                                      }
                                      return done.succeeded()
                                          ? Future.succeededFuture(done.result())
                                          : Future.<TickReport>failedFuture(done.cause());
                                    }));
              }
              lockDetail = Optional.of(Progress.describe(taken.cause()));
              if (taken.cause() instanceof LockHeldException) {
                lock = LockStatus.HELD_ELSEWHERE;
                return Future.succeededFuture(locked(first, live));
              }
              lock = LockStatus.UNAVAILABLE;
              return execute(first, live);
            });
  }

  private Future<TickReport> execute(Analysis analysis, MeshState live) {
    if (analysis.repairable().plan().isEmpty()) {
      return finish(analysis, live, List.of());
    }
    found = Optional.of(analysis);
    ApplyEngine engine =
        new ApplyEngine(vertx, spec, clients, Optional.empty(), options.lock(), ActionCost.VNS3);
    ApplyOptions apply =
        ApplyOptions.of(spec.execution(), options.holder())
            .withPerControllerLimit(options.perControllerLimit().orElse(spec.execution().perController()));
    ApplyHooks hooks = // the loop runs unattended: every repairable plan is approved
        new ApplyHooks((p, d) -> Future.succeededFuture(Boolean.TRUE), new Events(), cancel.future());
    return engine
        .execute(analysis.repairable().plan(), apply, hooks, cancel.future())
        .compose(
            w -> {
              walk = Optional.of(w);
              Set<String> readable = readControllers(live);
              Duration limit = clamp(options.interval(), Duration.ofSeconds(1), Duration.ofSeconds(10));
              return new Verifier(vertx, pipeline)
                  .settle(
                      this::read,
                      limit,
                      MAX_SETTLE_PAUSE,
                      settled -> settled.judgement().diff().changes().isEmpty()
                          && !pendingLinks(Analysis.of(settled.judgement(), settled.live()), settled.live(), readable).isEmpty(),
                      cancel.future());
            })
        .compose(
            after ->
                pipeline
                    .onWorker(() -> Analysis.of(after.judgement(), after.live()))
                    .compose(a -> finish(a, after.live(), failures())));
  }

  /** The controllers read at the start of the tick (the others stay unread). */
  private Set<String> readControllers(MeshState live) {
    Set<String> out = new java.util.HashSet<>();
    live.controllers().forEach((n, o) -> {
      if (o instanceof ControllerObservation.Observed) {
        out.add(n);
      }
    });
    return out;
  }

  /*
   * Settling reads again until the links between controllers that were read come up: a link
   * reports reachable a moment after its second half exists. Bounded by the interval (1..10 s).
   */

  /** Unreachable links whose both ends were read and may be touched: those should come up. */
  private List<String> pendingLinks(Analysis a, MeshState state, Set<String> readable) {
    List<String> out = new ArrayList<>();
    for (String link : unreachable(a, state)) {
      ResourceAddress addr = ResourceAddress.parse(link);
      Optional<String> peer =
          a.desired()
              .controller(addr.controller())
              .map(DesiredController::peers)
              .map(p -> p.get(addr.peerKey()))
              .map(DesiredPeer::peerController);
      boolean touchable =
          readable.contains(addr.controller())
              && peer.filter(readable::contains).isPresent()
              && !a.untouchable().contains(addr.controller())
              && !peer.filter(a.untouchable()::contains).isPresent();
      if (touchable) {
        out.add(link);
      }
    }
    return out;
  }

  private static List<String> unreachable(Analysis a, MeshState state) {
    Verification v = Verifier.check(a.judgement(), state, Duration.ZERO);
    return v.unreachableLinks();
  }

  private List<NodeOutcome<PlanAction>> failures() {
    return walk.map(w -> w.with(NodeStatus.FAILED)).orElse(List.of());
  }

  private Future<TickReport> finish(Analysis a, MeshState state, List<NodeOutcome<PlanAction>> failed) {
    Instant now = clock.instant();
    Map<String, String> failedOn = new LinkedHashMap<>();
    for (NodeOutcome<PlanAction> f : failed) {
      failedOn.putIfAbsent(
          f.node().controller(), f.error().map(Progress::describe).orElse("failed"));
    }
    for (Map.Entry<String, ControllerObservation> e : state.controllers().entrySet()) {
      String name = e.getKey();
      if (attempted == null || !attempted.contains(name)) {
        continue;
      }
      if (e.getValue() instanceof ControllerObservation.Unreadable u) {
        backoffs = backoffs.failed(name, now, u.reason(), true);
      } else if (failedOn.containsKey(name)) {
        backoffs = backoffs.failed(name, now, failedOn.get(name), false);
      } else {
        backoffs = backoffs.recovered(name);
      }
    }
    List<String> links = unreachable(a, state);
    boolean converged =
        a.diff().changes().isEmpty()
            && a.diff().problems().isEmpty()
            && a.diff().unreadable().isEmpty()
            && links.isEmpty()
            && failed.isEmpty();
    boolean repairedSome = walk.map(w -> !w.with(NodeStatus.SUCCEEDED).isEmpty()).orElse(false);
    TickOutcome outcome =
        converged ? (repairedSome ? TickOutcome.REPAIRED : TickOutcome.IN_SYNC) : TickOutcome.DRIFTING;
    return Future.succeededFuture(report(outcome, Optional.of(a), state, links, Optional.empty()));
  }

  private TickReport locked(Analysis a, MeshState live) {
    return report(TickOutcome.LOCKED, Optional.of(a), live, unreachable(a, live), Optional.empty());
  }

  private TickReport report(
      TickOutcome outcome,
      Optional<Analysis> analysis,
      MeshState state,
      List<String> links,
      Optional<String> error) {
    SortedMap<String, Boolean> reachable = new TreeMap<>();
    SortedMap<String, String> unreadable = new TreeMap<>();
    if (spec != null) {
      for (ControllerSpec c : spec.controllers()) {
        ControllerObservation o = state.controllers().get(c.name());
        reachable.put(c.name(), o instanceof ControllerObservation.Observed);
        if (o instanceof ControllerObservation.Unreadable u) {
          unreadable.put(c.name(), u.reason());
        }
      }
    }
    Optional<WalkReport<PlanAction>> w = walk;
    // What was found and held back is as seen before the actions; what remains, as seen after.
    Optional<Analysis> before = found.or(() -> analysis);
    int failed = w.map(x -> x.with(NodeStatus.FAILED).size()).orElse(0);
    int ran = w.map(x -> x.with(NodeStatus.SUCCEEDED).size()).orElse(0) + failed;
    return new TickReport(
        number,
        startedAt,
        Duration.ofNanos(System.nanoTime() - startNanos),
        outcome,
        options.dryRun(),
        update == null ? SpecUpdate.Status.UNCHANGED : update.status(),
        update == null ? List.of() : update.diagnostics(),
        lock,
        lockDetail,
        reachable,
        unreadable,
        before.map(Analysis::fresh).orElse(new java.util.TreeSet<>()),
        before.flatMap(Analysis::keysetSource),
        before.map(Analysis::driftByKind).orElse(new TreeMap<>()),
        before.map(Analysis::driftByAddress).orElse(new TreeMap<>()),
        repaired(w),
        analysis.map(a -> a.diff().problems()).orElse(List.of()),
        ran,
        failed,
        before.map(a -> a.repairable().withheld().stream().map(ApplyEngine::label).toList()).orElse(List.of()),
        w.map(WalkReport::elapsed),
        analysis.map(a -> (int) a.diff().changes().stream().filter(c -> !a.untouchable().contains(c.address().controller())).count()).orElse(0),
        links,
        backoffs.all(),
        error);
  }

  /** Resources every action of which succeeded, by kind. */
  private static SortedMap<String, Integer> repaired(Optional<WalkReport<PlanAction>> walk) {
    Map<ResourceAddress, Boolean> ok = new HashMap<>();
    walk.ifPresent(
        w ->
            w.outcomes()
                .forEach(o -> ok.merge(o.node().address(), o.status() == NodeStatus.SUCCEEDED, Boolean::logicalAnd)));
    SortedMap<String, Integer> out = new TreeMap<>();
    ok.forEach(
        (address, success) -> {
          if (success) {
            out.merge(Analysis.kindLabel(address.kind()), 1, Integer::sum);
          }
        });
    return out;
  }

  private static MeshState emptyState() {
    return new MeshState(new TreeMap<>());
  }

  private static Duration clamp(Duration d, Duration min, Duration max) {
    return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
  }

  /** Forwards each action's end to the listener. */
  private final class Events implements Progress<PlanAction> {
    @Override
    public void succeeded(PlanAction node, Duration duration) {
      listener.action(new ActionEvent(number, node, ActionEvent.Status.SUCCEEDED, duration, Optional.empty()));
    }

    @Override
    public void failed(PlanAction node, Duration duration, Throwable error) {
      listener.action(
          new ActionEvent(number, node, ActionEvent.Status.FAILED, duration, Optional.of(Progress.describe(error))));
    }

    @Override
    public void skipped(PlanAction node, String reason) {
      listener.action(new ActionEvent(number, node, ActionEvent.Status.SKIPPED, Duration.ZERO, Optional.of(reason)));
    }
  }
}
