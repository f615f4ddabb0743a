package dev.meshctl.engine.kind;

import dev.meshctl.engine.address.ResourceKind;
import dev.meshctl.engine.desired.DesiredController;
import dev.meshctl.engine.desired.DesiredResource;
import dev.meshctl.engine.diff.Change;
import dev.meshctl.engine.diff.DiffCollector;
import dev.meshctl.engine.diff.DiffContext;
import dev.meshctl.engine.diff.ResourceDiffer;
import dev.meshctl.engine.plan.ActionType;
import dev.meshctl.engine.plan.PlanContext;
import dev.meshctl.engine.plan.PlanTransformer;
import java.util.List;

/**
 * Everything meshctl knows about one kind of resource, in the spirit of java-operator-sdk's
 * dependent resources: what the spec wants of it, how that compares with what a controller holds,
 * the actions a change needs (each action record knows how to run, its timeout, its cost and its
 * saved form) and the order those actions must keep with others. The engine iterates {@link
 * ResourceKinds}; adding a kind means writing one of these and registering it there.
 */
public interface ResourceHandler extends ResourceDiffer {

  /** The kind of address its resources and changes have. */
  ResourceKind kind();

  /** Its resources on one controller, as the expanded spec wants them. */
  List<? extends DesiredResource> desired(DesiredController controller);

  /**
   * Compares its resources on one controller with what was read there, and reports changes,
   * problems and warnings.
   */
  @Override
  void diff(DiffContext ctx, DiffCollector out);

  /** The types of the actions it plans, so a saved plan's actions can be read back. */
  List<ActionType> actionTypes();

  /** Adds the action (or actions) one of its changes needs, without edges between kinds. */
  void plan(Change change, PlanContext ctx);

  /**
   * Its dependency rules: edges from the actions its actions need first, added once every
   * change's actions are in the graph. Edges exist only for real dependencies, so independent
   * work runs in parallel; a prerequisite already met in the live state has no action, and so no
   * edge.
   */
  List<PlanTransformer> rules();
}
