package dev.meshctl.engine.apply;

import dev.meshctl.engine.lock.HeldLock;
import dev.meshctl.engine.lock.LockHeldException;
import dev.meshctl.engine.lock.MeshLock;
import dev.meshctl.engine.plan.ActionType;
import dev.meshctl.engine.plan.Plan;
import dev.meshctl.engine.plan.PlanAction;
import dev.meshctl.engine.plan.PlanActionType;
import dev.meshctl.engine.walk.Declined;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What an apply checks about its lock before each action starts.
 *
 * <p>Held: that the lock is still ours ({@link HeldLock#confirm()}); once it is lost, {@code
 * onLost} stops the walk and no further action starts.
 *
 * <p>Deferred: the root was not licensed when the apply began, and an unlicensed VNS3 controller
 * answers 403 for its custom variables, so there was nowhere to keep the lock. Only licensing
 * (uploading licenses and accepting their parameters, or, for a replaced root, downloading the
 * topology's keyset from another controller, which brings the license) and what the root's
 * licensing depends on
 * (its names, set before its license as the vendor's tools do) run without it: a second apply at that time
 * finds the same unlicensed root, or the root rebooting, and at worst repeats the same license
 * upload. Every other action waits for the root's license to be accepted, then for the lock, taken
 * once without waiting: if another run holds it by then, this one stops, since its plan was made
 * before that run's changes. A run that took and released the lock meanwhile (or a {@code
 * --break-lock} run that has finished) leaves no lease behind, so once the lock is taken the mesh is
 * read and planned again: unless the actions still to run are exactly the ones the new plan wants,
 * another run wrote meanwhile, and this one stops rather than run its out-of-date plan.
 */
final class LockGate {
  private final Optional<HeldLock> held;
  private final Optional<Deferred> deferred;
  private final Consumer<String> onLost;

  private LockGate(Optional<HeldLock> held, Optional<Deferred> deferred, Consumer<String> onLost) {
    this.held = held;
    this.deferred = deferred;
    this.onLost = onLost;
    held.ifPresent(h -> h.lost().onFailure(e -> onLost.accept(e.getMessage())));
  }

  /** No lock (--lock=false, or a caller that took it itself): every action starts. */
  static final LockGate OPEN = new LockGate(Optional.empty(), Optional.empty(), why -> {});

  static LockGate held(HeldLock lock, Consumer<String> onLost) {
    return new LockGate(Optional.of(lock), Optional.empty(), onLost);
  }

  /**
   * @param replan reads the mesh and plans again, once the deferred lock is taken; when that fails
   *     (a controller unreadable, e.g. rebooting after its license) the run goes on as it did
   *     before this check, and its actions meet the same mesh
   */
  static LockGate deferred(
      MeshLock lock, String holder, String root, Supplier<Future<Plan>> replan, Consumer<String> onLost) {
    Deferred d = new Deferred(lock, holder, root, replan);
    d.onLost = onLost;
    return new LockGate(Optional.empty(), Optional.of(d), onLost);
  }

  /** Told the plan about to run, before its first action. */
  void planned(Plan plan) {
    deferred.ifPresent(d -> d.planned(plan));
  }

  /** Succeeds when {@code action} may start. */
  Future<Void> before(PlanAction action) {
    if (held.isPresent()) {
      return guard(held.get().confirm());
    }
    if (deferred.isEmpty() || deferred.get().licensing(action) || deferred.get().beforeRootLicense.contains(action)) {
      return Future.succeededFuture();
    }
    return guard(deferred.get().lock().compose(HeldLock::confirm));
  }

  /** Told when {@code action} ended, to learn when the root is licensed. */
  void after(PlanAction action, boolean succeeded) {
    deferred.ifPresent(d -> d.after(action, succeeded));
  }

  /** The lock if this gate holds it, to release. */
  Optional<HeldLock> lock() {
    return held.or(() -> deferred.flatMap(d -> Optional.ofNullable(d.taken.get())));
  }

  /** A refused check stops the run, and the action is reported as never started, not as failed. */
  private Future<Void> guard(Future<Void> check) {
    return check.recover(
        e -> {
          onLost.accept(e.getMessage());
          return Future.failedFuture(new Declined(e.getMessage()));
        });
  }


  /** The lock taken once the root's license is accepted. */
  private static final class Deferred {
    final MeshLock lock;
    final String holder;
    final String root;
    final Promise<Void> rootLicensed = Promise.promise();
    final AtomicReference<HeldLock> taken = new AtomicReference<>();
    /** What the root's license waits for: it cannot wait for the lock the license makes possible. */
    volatile java.util.Set<PlanAction> beforeRootLicense = java.util.Set.of();
    final Supplier<Future<Plan>> replan;
    Consumer<String> onLost = why -> {};
    Future<HeldLock> taking;
    volatile Plan plan;

    Deferred(MeshLock lock, String holder, String root, Supplier<Future<Plan>> replan) {
      this.lock = lock;
      this.holder = holder;
      this.root = root;
      this.replan = replan;
    }

    /** Licensing actions run without the lock: there is nowhere to keep it before them. */
    boolean licensing(PlanAction a) {
      ActionType t = a.actionType();
      return t == PlanActionType.UPLOAD_LICENSE || t == PlanActionType.ACCEPT_LICENSE_PARAMETERS || licensesRoot(a);
    }

    /** Accepting the root's license parameters, or the root's keyset download, which licenses it. */
    boolean licensesRoot(PlanAction a) {
      ActionType t = a.actionType();
      return a.controller().equals(root)
          && (t == PlanActionType.ACCEPT_LICENSE_PARAMETERS || t == PlanActionType.FETCH_KEYSET);
    }

    void planned(Plan plan) {
      this.plan = plan;
      Optional<PlanAction> licensesRoot = plan.order().stream().filter(this::licensesRoot).findFirst();
      if (licensesRoot.isEmpty()) {
        rootLicensed.tryComplete();
      } else {
        beforeRootLicense = java.util.Set.copyOf(plan.graph().getAncestors(licensesRoot.get()));
      }
    }

    void after(PlanAction a, boolean succeeded) {
      if (licensesRoot(a)) {
        if (succeeded) {
          rootLicensed.tryComplete();
        } else {
          rootLicensed.tryFail("the apply lock was not taken: the root controller \"" + root + "\" was not licensed");
        }
      }
    }

    synchronized Future<HeldLock> lock() {
      if (taking == null) {
        taking = rootLicensed.future()
            .compose(v -> lock.acquire(holder, Duration.ZERO))
            .recover(e -> Future.failedFuture(e instanceof LockHeldException
                ? new IllegalStateException(e.getMessage() + "; it was taken while this apply licensed the root, so this"
                    + " apply's plan is out of date: run apply again")
                : e))
            .onSuccess(h -> {
              taken.set(h);
              h.lost().onFailure(e -> onLost.accept(e.getMessage()));
            })
            .compose(h -> replan.get()
                // Comparing two plans of thousands of actions is CPU work: a worker's, not the loop's.
                .compose(again -> onWorker(() -> staleness(plan, again)))
                .otherwise(Optional.empty())
                .compose(stale -> stale.isEmpty()
                    ? Future.succeededFuture(h)
                    : Future.failedFuture(new IllegalStateException("the mesh changed while this apply licensed the root"
                        + " controller \"" + root + "\" without the lock (another run wrote meanwhile): " + stale.get()
                        + "; so this apply's plan is out of date: run apply again"))));
      }
      return taking;
    }

    /**
     * How the plan made now differs from what is left of this run's plan, if it does. Licensing and
     * what the root's license waited for ran (or are running) without the lock and are left out
     * of both sides; everything else of the first plan has waited for this lock, so nothing of it
     * has run: another run's writes are the only way the two can differ.
     */
    Optional<String> staleness(Plan first, Plan again) {
      java.util.Set<PlanAction> left = new java.util.LinkedHashSet<>();
      for (PlanAction a : first.order()) {
        if (!licensing(a) && !beforeRootLicense.contains(a)) {
          left.add(a);
        }
      }
      java.util.Set<PlanAction> wanted = new java.util.LinkedHashSet<>();
      for (PlanAction a : again.order()) {
        if (!licensing(a)) {
          wanted.add(a);
        }
      }
      // Sets of steps, not scans: at N = 64 each side holds 8,000 actions, on an event loop.
      java.util.Set<String> wantedSteps = new java.util.HashSet<>();
      wanted.forEach(w -> wantedSteps.add(step(w)));
      java.util.Set<String> leftSteps = new java.util.HashSet<>();
      left.forEach(l -> leftSteps.add(step(l)));
      for (PlanAction a : left) {
        // What licensing the root did itself can make the root's own later steps unneeded (a
        // keyset download brings the topology's names): only another controller's step, which
        // nothing of this run has touched yet, shows another run's writes.
        // Same step on the same resource counts as still wanted: a keyset's source may change
        // once the root holds the keyset again, which is this run's own doing.
        if (!wantedSteps.contains(step(a)) && !a.controller().equals(root)) {
          return Optional.of(ApplyEngine.label(a) + " is planned but no longer needed");
        }
      }
      for (PlanAction a : wanted) {
        if (!leftSteps.contains(step(a))) {
          return Optional.of(ApplyEngine.label(a) + " is now needed but not planned");
        }
      }
      return Optional.empty();
    }

    private static <T> Future<T> onWorker(java.util.concurrent.Callable<T> work) {
      io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
      if (context == null) {
        try {
          return Future.succeededFuture(work.call());
        } catch (Exception e) {
          return Future.failedFuture(e);
        }
      }
      return context.owner().executeBlocking(work, false);
    }

    /** An action's step: what it does to which resource, whatever its parameters. */
    private static String step(PlanAction a) {
      return a.address() + " " + a.actionType();
    }
  }
}
