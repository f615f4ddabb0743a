package dev.meshctl.engine.apply;

import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.diag.Diagnostics;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.engine.client.RequestStats;
import dev.meshctl.engine.client.Vns3Client;
import dev.meshctl.engine.live.MeshState;
import dev.meshctl.engine.live.ReadListener;
import dev.meshctl.engine.lock.HeldLock;
import dev.meshctl.engine.lock.LeaseStore;
import dev.meshctl.engine.lock.LockSettings;
import dev.meshctl.engine.lock.MeshLock;
import dev.meshctl.engine.lock.RootUnlicensedException;
import dev.meshctl.engine.plan.ActionOrder;
import dev.meshctl.engine.plan.Plan;
import dev.meshctl.engine.plan.PlanAction;
import dev.meshctl.engine.plan.StateFingerprint;
import dev.meshctl.engine.pipeline.Judgement;
import dev.meshctl.engine.pipeline.MeshPipeline;
import dev.meshctl.engine.pipeline.OwnTask;
import dev.meshctl.engine.walk.DagWalker;
import dev.meshctl.engine.walk.NodeStatus;
import dev.meshctl.engine.walk.WalkOptions;
import dev.meshctl.engine.walk.WalkReport;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code meshctl apply}, end to end: read the live state, plan, take the lock, confirm, run the
 * plan DAG, verify, release the lock. Every step is a {@link Future}; nothing blocks.
 *
 * <p>A mesh that already matches its spec is only read and verified: no lock is taken, so a
 * no-op apply writes nothing at all. When there are changes, the lock is taken first and the
 * state read again under it, so the plan that runs is the one computed while no other run could
 * change the mesh.
 */
public final class ApplyEngine {
  private final Vertx vertx;
  private final MeshSpec spec;
  private final Map<String, Vns3Client> clients;
  private final Optional<LeaseStore> lockStore;
  private final LockSettings lockSettings;
  private final ActionCost cost;
  private final MeshPipeline pipeline;

  /**
   * @param clients a client per controller name
   * @param lockStore where the lock lives (the root controller), empty if it cannot be reached
   *     that way
   * @param cost what actions cost, to start the longest chains first
   */
  public ApplyEngine(
      Vertx vertx,
      MeshSpec spec,
      Map<String, Vns3Client> clients,
      Optional<LeaseStore> lockStore,
      LockSettings lockSettings,
      ActionCost cost) {
    this.vertx = vertx;
    this.spec = spec;
    this.clients = Map.copyOf(clients);
    this.lockStore = lockStore;
    this.lockSettings = lockSettings;
    this.cost = cost;
    this.pipeline = new MeshPipeline(vertx, spec, clients);
  }

  /** An action's name in progress lines and skip reasons: {@code controller["a"].keyset (fetch_keyset)}. */
  public static String label(PlanAction action) {
    return action.address() + " (" + action.type() + ")";
  }

  /** Reads the live state of every controller; each call ends as its retries end. */
  public Future<MeshState> read() {
    return read(Optional.empty());
  }

  /** With a listener, each controller's reads end at its request timeout (see {@link ApplyHooks}). */
  private Future<MeshState> read(Optional<ReadListener> listener) {
    return pipeline.read(Map.of(), listener);
  }

  /** The plan that makes {@code live} match the spec: the {@link Judgement}'s. */
  public Plan plan(MeshState live) {
    return Judgement.of(spec, live).plan();
  }

  /**
   * Applies the spec, or exactly {@code saved} if given: refused, before any write, if any
   * controller's live state changed since it was made or if the plan computed again from the spec
   * and that state is not the saved one.
   */
  public Future<ApplyReport> apply(ApplyOptions options, Optional<? extends ExpectedPlan> saved, ApplyHooks hooks) {
    Run run = new Run(options, hooks);
    Future<ApplyReport> report = saved.isPresent() ? run.fromSaved(saved.get()) : run.fromSpec();
    return report.map(run::finish);
  }


  /** Walks a plan without lock or confirmation: for callers that did those themselves. */
  public Future<WalkReport<PlanAction>> execute(
      Plan plan, ApplyOptions options, ApplyHooks hooks, Future<Void> cancel) {
    return execute(plan, options, hooks, cancel, LockGate.OPEN);
  }

  private Future<WalkReport<PlanAction>> execute(
      Plan plan, ApplyOptions options, ApplyHooks hooks, Future<Void> cancel, LockGate gate) {
    // The critical path of 8,000 actions is CPU work: computed on a worker, not the walk's loop.
    return pipeline
        .onWorker(() -> CriticalPath.of(plan.graph(), cost::of).tails())
        .compose(tails -> walk(plan, options, hooks, cancel, gate, tails));
  }

  private Future<WalkReport<PlanAction>> walk(
      Plan plan,
      ApplyOptions options,
      ApplyHooks hooks,
      Future<Void> cancel,
      LockGate gate,
      Map<PlanAction, Duration> tails) {
    // Longest remaining chain first: under a parallelism limit the critical path never waits.
    List<PlanAction> ranked = new ArrayList<>(plan.graph().vertexSet());
    ranked.sort(Comparator.<PlanAction, Duration>comparing(tails::get).reversed().thenComparing(ActionOrder.BY_ADDRESS));
    // The walk compares ready actions thousands of times at N = 64: by a rank found once, by
    // identity, rather than by hashing records and building addresses at every comparison.
    Map<PlanAction, Integer> rank = new IdentityHashMap<>();
    for (PlanAction a : ranked) {
      rank.put(a, rank.size());
    }
    Comparator<PlanAction> order = Comparator.comparingInt(rank::get);
    WalkOptions<PlanAction> walk =
        new WalkOptions<>(
            options.parallelism() == 0 ? Integer.MAX_VALUE : options.parallelism(),
            options.perControllerLimit(),
            PlanAction::controller,
            order,
            ApplyEngine::label,
            cancel);
    ActionExecutor executor = new ActionExecutor(spec, clients, hooks.cancel());
    // The walk, its listener and the live display's timer all live on this one context.
    Context context = vertx.getOrCreateContext();
    Promise<WalkReport<PlanAction>> walked = Promise.promise();
    context.runOnContext(
        v -> {
          hooks.progress().begin(plan.order().size());
          new DagWalker<PlanAction>(context)
              .walk(
                  plan.graph(),
                  a -> OwnTask.on(context, () -> gate.before(a).compose(ok -> executor.run(a)))
                      .andThen(r -> gate.after(a, r.succeeded())),
                  walk,
                  hooks.progress())
              .onComplete(walked);
        });
    return walked
        .future()
        .compose(
            report -> {
              Promise<Void> closed = Promise.promise();
              context.runOnContext(
                  v -> {
                    hooks.progress().close();
                    // What follows the walk (the summary) is printed once its progress is out.
                    hooks.progress().drained().onComplete(closed);
                  });
              return closed.future().transform(d -> Future.succeededFuture(report));
            });
  }

  private RequestStats.Counts requestCounts() {
    RequestStats.Counts sum = RequestStats.Counts.ZERO;
    for (Vns3Client c : clients.values()) {
      sum = sum.plus(c.stats().snapshot());
    }
    return sum;
  }

  /** One apply's state. */
  private final class Run {
    final ApplyOptions options;
    final ApplyHooks hooks;
    final long startNanos = System.nanoTime();
    /** Time spent at the confirmation prompt: a person reading the plan, not the apply's. */
    final java.util.concurrent.atomic.AtomicLong confirmNanos = new java.util.concurrent.atomic.AtomicLong();
    final RequestStats.Counts before = requestCounts();
    /** Completed on the user's cancel, or when the lock is lost mid-run. */
    final Promise<Void> stop = Promise.promise();
    /** What each action checks about the lock before it starts; holds the lock to release. */
    volatile LockGate gate = LockGate.OPEN;
    /** Why the lock was lost mid-run, if it was. */
    final AtomicReference<String> lockLost = new AtomicReference<>();
    final java.util.concurrent.atomic.AtomicBoolean releasing = new java.util.concurrent.atomic.AtomicBoolean();
    final Promise<Void> released = Promise.promise();

    Run(ApplyOptions options, ApplyHooks hooks) {
      this.options = options;
      this.hooks = hooks;
      hooks.cancel().onComplete(v -> stop.tryComplete());
    }

    Future<ApplyReport> fromSpec() {
      return pipeline
          .readAndAnalyse(hooks.reads())
          .compose(
              first -> {
                Judgement judged = first.judgement();
                if (judged.diff().blocked() || !judged.diff().hasChanges()) {
                  // Refused, or nothing to do: either way no lock is taken and nothing written.
                  return runPlan(judged);
                }
                // The judgement is a pure function of the state read: when the state read again
                // under the lock is the same, it is the plan to run.
                return locked(
                    () ->
                        read(hooks.reads())
                            .compose(
                                again ->
                                    again.equals(first.live())
                                        ? runPlan(judged)
                                        : pipeline.analyse(again).compose(this::runPlan)));
              });
    }

    /**
     * A saved plan pins the spec and the live state, so planning again gives it back unless the
     * file was edited: what runs is always the plan computed here, and only when it equals the
     * saved one. Both checks come before the lock, so a refused plan writes nothing at all.
     */
    Future<ApplyReport> fromSaved(ExpectedPlan saved) {
      return read(hooks.reads())
          .compose(
              live -> {
                Optional<ApplyReport> stale = staleAgainst(saved, live);
                if (stale.isPresent()) {
                  return Future.succeededFuture(stale.get());
                }
                return pipeline
                    .onWorker(
                        () -> {
                          Judgement judged = Judgement.of(spec, live);
                          return new Replanned(judged, saved.differenceFrom(judged.plan(), judged.diff()));
                        })
                    .compose(
                        replanned -> {
                          Plan plan = replanned.judgement().plan();
                          if (replanned.difference().isPresent()) {
                            return Future.succeededFuture(refused(List.of(replanned.difference().get())));
                          }
                          if (!plan.blocking().isEmpty() || plan.isEmpty()) {
                            return runPlan(replanned.judgement());
                          }
                          // Under the lock the state is read again: a change since the check
                          // refuses the plan, as one before it would have.
                          return locked(
                              () ->
                                  read(hooks.reads())
                                      .compose(
                                          again ->
                                              staleAgainst(saved, again)
                                                  .map(Future::succeededFuture)
                                                  .orElseGet(() -> runPlan(replanned.judgement()))));
                        });
              });
    }

    private Optional<ApplyReport> staleAgainst(ExpectedPlan saved, MeshState live) {
      List<String> changed = changedSince(saved.fingerprints(), StateFingerprint.of(live));
      if (changed.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          refused(
              List.of(
                  "the live state changed since the plan was made: controller "
                      + String.join(", ", changed)
                      + "; run plan again")));
    }

    private Future<ApplyReport> runPlan(Judgement judged) {
      Plan plan = judged.plan();
      Optional<ApplyReport> refused = refusal(plan);
      if (refused.isPresent()) {
        return Future.succeededFuture(refused.get());
      }
      if (plan.isEmpty()) {
        return verifyAfter(ApplyOutcome.NO_CHANGES, plan, Optional.empty());
      }
      long asking = System.nanoTime();
      // Showing the plan renders and prints thousands of lines: a worker's job, not the loop's.
      return pipeline
          .onWorker(() -> hooks.confirm().apply(plan, judged.diff()))
          .compose(asked -> asked)
          .andThen(answered -> confirmNanos.addAndGet(System.nanoTime() - asking))
          .compose(
              yes -> {
                if (!yes) {
                  return Future.succeededFuture(
                      report(ApplyOutcome.DECLINED, Optional.of(plan), Optional.empty(), Optional.empty(), List.of()));
                }
                gate.planned(plan);
                return execute(plan, options, hooks, stop.future(), gate)
                    .compose(
                        walk -> {
                          if (lockLost.get() != null) {
                            return Future.succeededFuture(
                                report(ApplyOutcome.LOCK_LOST, Optional.of(plan), Optional.of(walk), Optional.empty(),
                                    List.of(lockLost.get() + "; no further action was started: check what the other run"
                                        + " did, then run apply again")));
                          }
                          if (walk.cancelled()) {
                            return Future.succeededFuture(
                                report(ApplyOutcome.CANCELLED, Optional.of(plan), Optional.of(walk), Optional.empty(), List.of()));
                          }
                          if (!walk.allSucceeded()) {
                            return Future.succeededFuture(
                                report(ApplyOutcome.FAILED, Optional.of(plan), Optional.of(walk), Optional.empty(), List.of()));
                          }
                          return verifyAfter(ApplyOutcome.APPLIED, plan, Optional.of(walk));
                        });
              });
    }

    private Future<ApplyReport> verifyAfter(
        ApplyOutcome ifConverged, Plan plan, Optional<WalkReport<PlanAction>> walk) {
      // The lock keeps other runs' writes out; verifying only reads, so it need not hold it.
      releaseLock();
      return new Verifier(vertx, pipeline)
          .verify(options.verifyTimeout())
          .map(
              v ->
                  report(
                      v.converged() ? ifConverged : ApplyOutcome.NOT_CONVERGED,
                      Optional.of(plan),
                      walk,
                      Optional.of(v),
                      List.of()));
    }

    /** Runs {@code body} holding the lock (if wanted); releases it however the body ends. */
    Future<ApplyReport> locked(java.util.function.Supplier<Future<ApplyReport>> body) {
      if (!options.useLock()) {
        return body.get();
      }
      if (lockStore.isEmpty()) {
        return Future.succeededFuture(
            refused(List.of("cannot take the apply lock: the root controller has no API client")));
      }
      MeshLock lock = new MeshLock(vertx, lockStore.get(), lockSettings, Clock.systemUTC());
      Future<?> broken = options.breakLock() ? lock.breakLock() : Future.succeededFuture();
      return broken
          .compose(v -> lock.acquire(options.holder(), options.lockTimeout(), hooks.lockWaiting(), hooks.cancel()))
          .transform(
              taken -> {
                if (taken.succeeded()) {
                  gate = LockGate.held(taken.result(), this::lost);
                } else if (taken.cause() instanceof RootUnlicensedException) {
                  // Nowhere to keep the lock before the root is licensed: see LockGate.
                  gate = LockGate.deferred(lock, options.holder(), spec.root(), this::replan, this::lost);
                } else if (taken.cause() instanceof java.util.concurrent.CancellationException) {
                  return Future.succeededFuture(
                      report(ApplyOutcome.CANCELLED, Optional.empty(), Optional.empty(), Optional.empty(), List.of()));
                } else {
                  return Future.succeededFuture(refused(List.of(taken.cause().getMessage())));
                }
                return body.get()
                    .transform(
                        done ->
                            releaseLock()
                                .transform(r -> done.succeeded() ? Future.succeededFuture(done.result()) : Future.failedFuture(done.cause())));
              });
    }

    /**
     * The mesh read and planned again, as the deferred lock checks the plan it runs. A plan that
     * cannot be made in full (a controller unreadable, e.g. rebooting after its own license) fails
     * it: its missing actions would pass for another run's work.
     */
    Future<Plan> replan() {
      return read(Optional.empty())
          .compose(pipeline::analyse)
          .map(Judgement::plan)
          .compose(p -> p.blocking().isEmpty()
              ? Future.succeededFuture(p)
              : Future.failedFuture(new IllegalStateException("the mesh could not be planned again")));
    }

    /** The lock was lost (or could not be taken after licensing): no further action starts. */
    void lost(String why) {
      lockLost.compareAndSet(null, why);
      stop.tryComplete();
    }

    /**
     * Releases the lock if held, once; answers when that release is done.
     */
    Future<Void> releaseLock() {
      if (releasing.compareAndSet(false, true)) {
        Optional<HeldLock> lock = gate.lock();
        if (lock.isPresent()) {
          // A lost lock's claim is gone or lapsed; deleting it by its own name touches no one else's.
          lock.get().release().onComplete(released);
        } else {
          released.tryComplete();
        }
      }
      return released.future();
    }

    private Optional<ApplyReport> refusal(Plan plan) {
      if (plan.blocking().isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          report(
              ApplyOutcome.REFUSED,
              Optional.of(plan),
              Optional.empty(),
              Optional.empty(),
              Diagnostics.of(plan.blocking())));
    }

    private ApplyReport refused(List<String> problems) {
      return report(ApplyOutcome.REFUSED, Optional.empty(), Optional.empty(), Optional.empty(), problems);
    }

    private ApplyReport report(
        ApplyOutcome outcome,
        Optional<Plan> plan,
        Optional<WalkReport<PlanAction>> walk,
        Optional<Verification> verification,
        List<String> problems) {
      return report(
          outcome, plan, walk, verification, Diagnostics.of(problems.stream().map(Diagnostic::error).toList()));
    }

    private ApplyReport report(
        ApplyOutcome outcome,
        Optional<Plan> plan,
        Optional<WalkReport<PlanAction>> walk,
        Optional<Verification> verification,
        Diagnostics problems) {
      return new ApplyReport(
          outcome, plan, walk, verification, problems, RequestStats.Counts.ZERO, Duration.ZERO);
    }

    /**
     * Stamps the request count and time once everything, lock release included, is done; the
     * time at the confirmation prompt is left out.
     */
    ApplyReport finish(ApplyReport r) {
      return new ApplyReport(
          r.outcome(),
          r.plan(),
          r.walk(),
          r.verification(),
          r.problems(),
          requestCounts().minus(before),
          Duration.ofNanos(System.nanoTime() - startNanos - confirmNanos.get()));
    }
  }

  /** A saved plan's actions planned again, and how the saved ones differ, if they do. */
  private record Replanned(Judgement judgement, Optional<String> difference) {}

  /** The controllers whose fingerprint differs between the plan and now, sorted. */
  static List<String> changedSince(SortedMap<String, String> planned, SortedMap<String, String> now) {
    List<String> changed = new ArrayList<>();
    for (Map.Entry<String, String> e : planned.entrySet()) {
      if (!e.getValue().equals(now.get(e.getKey()))) {
        changed.add(e.getKey());
      }
    }
    for (String name : now.keySet()) {
      if (!planned.containsKey(name)) {
        changed.add(name);
      }
    }
    return changed.stream().sorted().distinct().toList();
  }

  /** Used by callers to count an outcome's actions by status. */
  public static long count(WalkReport<PlanAction> walk, NodeStatus status) {
    return walk.with(status).size();
  }
}
