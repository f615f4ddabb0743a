package dev.meshctl.engine.apply;

import dev.meshctl.engine.diff.MeshDiff;
import dev.meshctl.engine.plan.Plan;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A plan made earlier (a saved plan file) that apply must run exactly. Apply never runs what the
 * file says: it plans again from the spec and the live state, which the file pins, and runs that
 * plan only when it is this one, so an action edited into the file can never reach a controller.
 */
public interface ExpectedPlan {
  /** Per controller, the fingerprint of the live state the plan was made from. */
  SortedMap<String, String> fingerprints();

  /**
   * Why {@code recomputed} (planned now from the same spec and live state) is not this plan,
   * naming the first difference; empty when they are the same.
   *
   * @param diff the diff {@code recomputed} was planned from
   */
  Optional<String> differenceFrom(Plan recomputed, MeshDiff diff);
}
