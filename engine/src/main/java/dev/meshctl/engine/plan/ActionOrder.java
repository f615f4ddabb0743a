package dev.meshctl.engine.plan;

import java.util.Comparator;

/**
 * The total order that breaks ties between actions ready at the same time: by address, then by
 * type, then by parameters. It makes the plan's order, and so every render, byte-identical for
 * the same input.
 */
public final class ActionOrder {
  public static final Comparator<PlanAction> BY_ADDRESS =
      Comparator.comparing(PlanAction::address)
          .thenComparingInt((PlanAction a) -> a.actionType().rank())
          .thenComparing(PlanAction::type)
          .thenComparing(a -> a.parameters().toString());

  private ActionOrder() {}
}
