package dev.meshctl.engine.plan;

import dev.meshctl.engine.address.ResourceAddress;
import io.vertx.core.Future;
import java.util.Map;

/**
 * One step of a plan: a call (or a call and a wait) against one controller. An action knows how
 * to run itself, what it waits for (and so its timeout and cost), whether it deletes, and its
 * saved form ({@link #actionType()} and {@link #parameters()}, read back by {@link
 * ActionType#read}). Actions carry only what they send that is not secret; they read the license
 * text, the keyset token and credentials from the {@code MeshSpec} when run, so a saved plan holds
 * no secret.
 *
 * <p>Actions are values: two actions are the same vertex of the plan graph when they are equal.
 */
public interface PlanAction {

  /** The resource this action changes. */
  ResourceAddress address();

  /** The controller it runs against (its name in the spec). */
  default String controller() {
    return address().controller();
  }

  /** What kind of step it is. */
  ActionType actionType();

  /** The action's type in plan files and output, e.g. {@code create_route}. */
  default String type() {
    return actionType().id();
  }

  /** The non-secret values it sends, in a fixed order, for output and plan files. */
  Map<String, Object> parameters();

  /** Makes its calls on {@code run}'s client; the future fails with what the controller said. */
  Future<Void> run(ActionRun run);

  /** What it waits for after its call, which sets its timeout and least duration. */
  default BackgroundWork waits() {
    return BackgroundWork.NONE;
  }

  /** Whether it removes its resource (shown with {@code -} whatever the diff says). */
  default boolean deletes() {
    return false;
  }
}
