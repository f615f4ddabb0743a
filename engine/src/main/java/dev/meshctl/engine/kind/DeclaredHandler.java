package dev.meshctl.engine.kind;

import dev.meshctl.engine.address.ResourceKind;
import dev.meshctl.engine.plan.ActionType;
import dev.meshctl.engine.plan.PlanTransformer;
import java.util.List;

/**
 * A handler whose kind, action types and dependency rules are declared once, to the constructor,
 * so the class body holds only what varies: desired, diff and plan.
 */
public abstract class DeclaredHandler implements ResourceHandler {
  private final ResourceKind kind;
  private final List<ActionType> actionTypes;
  private final List<PlanTransformer> rules;

  protected DeclaredHandler(
      ResourceKind kind, List<? extends ActionType> actionTypes, PlanTransformer... rules) {
    this.kind = kind;
    this.actionTypes = List.copyOf(actionTypes);
    this.rules = List.of(rules);
  }

  @Override
  public final ResourceKind kind() {
    return kind;
  }

  @Override
  public final List<ActionType> actionTypes() {
    return actionTypes;
  }

  @Override
  public final List<PlanTransformer> rules() {
    return rules;
  }
}
