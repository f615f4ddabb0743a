package dev.meshctl.engine.apply;

import dev.meshctl.engine.diff.MeshDiff;
import dev.meshctl.engine.plan.Plan;
import dev.meshctl.engine.plan.PlanAction;
import dev.meshctl.engine.progress.Progress;
import io.vertx.core.Future;
import java.util.function.BiFunction;

/**
 * Where an apply meets its user.
 *
 * @param confirm shown the plan about to run (never empty) and the differences it fixes; answers
 *     whether to go ahead. It may
 *     ask a person, but must not block the event loop (run a blocking prompt with {@code
 *     executeBlocking})
 * @param progress told of every action as it runs
 * @param cancel completing it stops starting actions; running ones end, then the apply reports
 */
public record ApplyHooks(
    BiFunction<Plan, MeshDiff, Future<Boolean>> confirm, Progress<PlanAction> progress, Future<Void> cancel) {}
