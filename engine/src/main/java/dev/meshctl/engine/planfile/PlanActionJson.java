package dev.meshctl.engine.planfile;

import dev.meshctl.engine.address.ResourceAddress;
import dev.meshctl.engine.plan.ActionParameters;
import dev.meshctl.engine.plan.ActionType;
import dev.meshctl.engine.plan.PlanAction;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.function.Function;

/** Plan actions to and from their JSON form ({@code type}, {@code address}, {@code parameters}). */
final class PlanActionJson {
  private PlanActionJson() {}

  static JsonObject parameters(PlanAction a) {
    JsonObject p = new JsonObject();
    a.parameters().forEach(p::put);
    return p;
  }

  /**
   * Reads an action back with the type its {@code type} names.
   *
   * @param types the action types by id, as the registered resource kinds declare them
   * @throws IllegalArgumentException naming what is missing or wrong
   */
  static PlanAction read(
      Function<String, Optional<ActionType>> types, String type, ResourceAddress at, JsonObject p) {
    return types
        .apply(type)
        .orElseThrow(() -> new IllegalArgumentException("unknown action type: " + type))
        .read(at, new ActionParameters(p));
  }
}
