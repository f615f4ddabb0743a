package dev.meshctl.engine.apply;

import dev.meshctl.engine.diff.MeshDiff;
import dev.meshctl.engine.live.ReadListener;
import dev.meshctl.engine.lock.Holding;
import dev.meshctl.engine.plan.Plan;
import dev.meshctl.engine.plan.PlanAction;
import dev.meshctl.engine.progress.Progress;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Where an apply meets its user.
 *
 * @param confirm shown the plan about to run (never empty) and the differences it fixes; answers
 *     whether to go ahead. It may
 *     ask a person, but must not block the event loop (run a blocking prompt with {@code
 *     executeBlocking})
 * @param progress told of every action as it runs
 * @param cancel completing it stops starting actions and abandons the waits of running ones
 *     (reboot, keyset); running requests end, then the apply reports
 * @param lockWaiting told, every few seconds while the apply waits for another run's lock, the
 *     live claims that hold it (earliest first); on the event loop, so it must not block
 * @param reads when present, each controller's reads end at one deadline, its request timeout,
 *     and this is told how they go (a controller that does not answer in time, as soon as its
 *     time is up); when empty, a read ends as its calls' retries end (callers whose request
 *     timeouts are too short to hold a whole read, such as tests sized in milliseconds)
 */
public record ApplyHooks(
    BiFunction<Plan, MeshDiff, Future<Boolean>> confirm,
    Progress<PlanAction> progress,
    Future<Void> cancel,
    Consumer<List<Holding>> lockWaiting,
    Optional<ReadListener> reads) {

  /** Hooks that are not told about lock waits or reads. */
  public ApplyHooks(
      BiFunction<Plan, MeshDiff, Future<Boolean>> confirm, Progress<PlanAction> progress, Future<Void> cancel) {
    this(confirm, progress, cancel, others -> {}, Optional.empty());
  }
}
