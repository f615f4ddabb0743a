package dev.meshctl.engine.render;

import dev.meshctl.engine.address.ResourceAddress;
import dev.meshctl.engine.diff.Action;
import dev.meshctl.engine.plan.PlanAction;
import java.util.Map;

/** Which of {@code + ~ -} a plan action is shown with. */
final class ActionSymbols {
  private ActionSymbols() {}

  /**
   * Deletes show {@code -}; everything else shows what the diff does to its resource, so a plan
   * and its diff agree (the create half of a replace shows {@code +}).
   */
  static Action of(PlanAction a, Map<ResourceAddress, Action> diff) {
    if (a.deletes()) {
      return Action.DELETE;
    }
    Action d = diff.getOrDefault(a.address(), Action.CREATE);
    return d == Action.REPLACE ? Action.CREATE : d;
  }
}
