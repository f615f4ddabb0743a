package dev.meshctl.engine.reconcile;

import dev.meshctl.engine.plan.PlanAction;
import java.time.Duration;
import java.util.Optional;

/**
 * One action a tick ran, as it ended.
 *
 * @param tick the tick's number
 * @param action the action
 * @param status how it ended
 * @param duration how long it ran (zero if skipped)
 * @param detail why it failed or was skipped, one secret-free line; empty on success
 */
public record ActionEvent(
    long tick, PlanAction action, Status status, Duration duration, Optional<String> detail) {

  /** How an action ended. */
  public enum Status {
    SUCCEEDED,
    FAILED,
    SKIPPED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
