package dev.meshctl.engine.kind;

import dev.meshctl.engine.address.ResourceKind;
import dev.meshctl.engine.plan.ActionType;
import dev.meshctl.engine.plan.PlanTransformer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resource handlers the engine iterates: the differ asks each to compare a controller, the
 * planner asks the owner of each change for its actions and then every handler for its rules, and
 * a saved plan's actions are read back by the types the handlers declare.
 *
 * @param handlers in the order they run; the standard order is the order a controller is set up
 */
public record ResourceKinds(List<ResourceHandler> handlers) {
  /** Every kind meshctl manages. */
  public static final ResourceKinds STANDARD =
      new ResourceKinds(
          List.of(
              new LicenseKind(),
              new KeysetKind(),
              new NamesKind(),
              new PeerIdKind(),
              new PeerLinkKind(),
              new RouteKind()));

  public ResourceKinds {
    handlers = List.copyOf(handlers);
    Map<ResourceKind, ResourceHandler> seen = new HashMap<>();
    for (ResourceHandler h : handlers) {
      if (seen.put(h.kind(), h) != null) {
        throw new IllegalArgumentException("two handlers for kind " + h.kind().label());
      }
    }
  }

  /** These kinds and one more, run after them. */
  public ResourceKinds with(ResourceHandler handler) {
    List<ResourceHandler> all = new ArrayList<>(handlers);
    all.add(handler);
    return new ResourceKinds(all);
  }

  /**
   * The handler of {@code kind}.
   *
   * @throws IllegalStateException if none is registered: a change no handler owns is a bug
   */
  public ResourceHandler handler(ResourceKind kind) {
    for (ResourceHandler h : handlers) {
      if (h.kind() == kind) {
        return h;
      }
    }
    throw new IllegalStateException("no handler for resource kind " + kind.label());
  }

  /** The action type a saved plan names by {@code id}, among every handler's. */
  public Optional<ActionType> actionType(String id) {
    for (ResourceHandler h : handlers) {
      for (ActionType t : h.actionTypes()) {
        if (t.id().equals(id)) {
          return Optional.of(t);
        }
      }
    }
    return Optional.empty();
  }

  /** Every handler's dependency rules, handler by handler. */
  public List<PlanTransformer> rules() {
    List<PlanTransformer> all = new ArrayList<>();
    handlers.forEach(h -> all.addAll(h.rules()));
    return all;
  }
}
