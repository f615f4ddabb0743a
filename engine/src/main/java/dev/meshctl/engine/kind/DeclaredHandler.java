package dev.meshctl.engine.kind;

import dev.meshctl.engine.address.ResourceKind;
import dev.meshctl.engine.desired.DesiredController;
import dev.meshctl.engine.desired.DesiredResource;
import dev.meshctl.engine.diff.Change;
import dev.meshctl.engine.plan.ActionType;
import dev.meshctl.engine.plan.PlanTransformer;
import java.util.List;
import java.util.function.Function;

/**
 * A handler whose kind, action types and dependency rules are declared once, to the constructor,
 * so the class body holds only what varies: the diff and the actions of a change.
 */
public abstract class DeclaredHandler implements ResourceHandler {
  private final ResourceKind kind;
  private final Function<DesiredController, List<? extends DesiredResource>> desired;
  private final List<ActionType> actionTypes;
  private final List<PlanTransformer> rules;

  /**
   * @param kind the kind of address its resources have
   * @param desired picks its resources out of a controller's expanded spec
   * @param actionTypes the types of the actions it plans
   * @param rules its dependency rules, in the order they run
   */
  protected DeclaredHandler(
      ResourceKind kind,
      Function<DesiredController, List<? extends DesiredResource>> desired,
      List<? extends ActionType> actionTypes,
      PlanTransformer... rules) {
    this.kind = kind;
    this.desired = desired;
    this.actionTypes = List.copyOf(actionTypes);
    this.rules = List.of(rules);
  }

  @Override
  public final ResourceKind kind() {
    return kind;
  }

  @Override
  public final List<? extends DesiredResource> desired(DesiredController controller) {
    return desired.apply(controller);
  }

  @Override
  public final List<ActionType> actionTypes() {
    return actionTypes;
  }

  @Override
  public final List<PlanTransformer> rules() {
    return rules;
  }

  /** The desired resource a create, update or replace brings about, as its handler's type. */
  protected static <D extends DesiredResource> D wanted(Change change, Class<D> type) {
    return type.cast(change.desired().orElseThrow());
  }
}
