package dev.meshctl.engine.apply;

import dev.meshctl.dsl.diag.Diagnostics;
import dev.meshctl.engine.client.RequestStats;
import dev.meshctl.engine.plan.Plan;
import dev.meshctl.engine.plan.PlanAction;
import dev.meshctl.engine.walk.WalkReport;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything an apply did, for the end summary.
 *
 * @param outcome how it ended
 * @param plan the plan it ran (or refused or was declined), if it got that far
 * @param walk each action's outcome, if it ran
 * @param verification the final check of the live state, if it got that far
 * @param problems why it refused or stopped (lock held or lost, stale plan, the plan's blocking
 *     diagnostics with their addresses and hints)
 * @param requests requests sent to the controllers' APIs during the apply (the lock's included)
 * @param elapsed wall time of the whole apply
 */
public record ApplyReport(
    ApplyOutcome outcome,
    Optional<Plan> plan,
    Optional<WalkReport<PlanAction>> walk,
    Optional<Verification> verification,
    Diagnostics problems,
    RequestStats.Counts requests,
    Duration elapsed) {

}
