package dev.meshctl.engine.render;

import dev.meshctl.engine.diff.Action;
import dev.meshctl.engine.plan.PlanAction;
import dev.meshctl.engine.plan.PlanActionType;

/** Which of {@code + ~ -} a plan action is shown with. */
final class ActionSymbols {
  private ActionSymbols() {}

  static Action of(PlanAction a) {
    return switch (PlanActionType.of(a)) {
      case DELETE_PEER, DELETE_ROUTE -> Action.DELETE;
      case UPDATE_PEER, SET_NAMES, SET_PEER_ID, ACCEPT_LICENSE_PARAMETERS -> Action.UPDATE;
      default -> Action.CREATE;
    };
  }
}
