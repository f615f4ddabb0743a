package dev.meshctl.engine.plan;

import dev.meshctl.engine.desired.DesiredMesh;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;

/**
 * The plan graph while {@link PlanTransformer}s build it, with indexes the dependency rules look
 * actions up by.
 */
public final class PlanContext {
  private final DesiredMesh mesh;
  private final DirectedAcyclicGraph<PlanAction, DefaultEdge> graph =
      new DirectedAcyclicGraph<>(DefaultEdge.class);
  private final Map<String, Map<ActionType, List<PlanAction>>> byController = new HashMap<>();
  private final Map<String, Map<String, CreateRoute>> routeCreates = new HashMap<>();
  private final Map<DeleteRoute, CreateRoute> replacements = new HashMap<>();

  PlanContext(DesiredMesh mesh) {
    this.mesh = mesh;
  }

  public DesiredMesh mesh() {
    return mesh;
  }

  DirectedAcyclicGraph<PlanAction, DefaultEdge> graph() {
    return graph;
  }

  public void add(PlanAction a) {
    if (!graph.addVertex(a)) {
      return;
    }
    byController
        .computeIfAbsent(a.controller(), k -> new HashMap<>())
        .computeIfAbsent(a.actionType(), k -> new ArrayList<>())
        .add(a);
    if (a instanceof CreateRoute r) {
      routeCreates.computeIfAbsent(a.controller(), k -> new HashMap<>()).putIfAbsent(r.cidr(), r);
    }
  }

  /** A route replaced in place: the old one goes first (same identity, see the rule). */
  public void replacement(DeleteRoute old, CreateRoute fresh) {
    add(old);
    add(fresh);
    replacements.put(old, fresh);
  }

  public Map<DeleteRoute, CreateRoute> replacements() {
    return replacements;
  }

  /** {@code before} must succeed before {@code after} starts. */
  public void edge(PlanAction before, PlanAction after) {
    if (!before.equals(after)) {
      graph.addEdge(before, after);
    }
  }

  /** Every action of this type on this controller, in insertion order. */
  public List<PlanAction> actions(String controller, ActionType type) {
    return byController.getOrDefault(controller, Map.of()).getOrDefault(type, List.of());
  }

  /** Every action of this type on any controller. */
  public List<PlanAction> actions(ActionType type) {
    List<PlanAction> out = new ArrayList<>();
    for (Map<ActionType, List<PlanAction>> m : byController.values()) {
      out.addAll(m.getOrDefault(type, List.of()));
    }
    return out;
  }

  public Optional<PlanAction> first(String controller, ActionType type) {
    List<PlanAction> l = actions(controller, type);
    return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
  }

  /** The action that creates the route to {@code cidr} on {@code controller}, if planned. */
  public Optional<CreateRoute> routeCreate(String controller, String cidr) {
    return Optional.ofNullable(routeCreates.getOrDefault(controller, Map.of()).get(cidr));
  }

  /**
   * The planned action after which the controller is licensed: accepting the parameters on the
   * root (or the upload, if only that is planned), the keyset download elsewhere.
   */
  public Optional<PlanAction> licensing(String controller) {
    return first(controller, PlanActionType.ACCEPT_LICENSE_PARAMETERS)
        .or(() -> first(controller, PlanActionType.UPLOAD_LICENSE))
        .or(() -> first(controller, PlanActionType.FETCH_KEYSET));
  }

  /** The planned action after which the controller has its keyset (and so is licensed), if any. */
  public Optional<PlanAction> keyset(String controller) {
    return first(controller, PlanActionType.GENERATE_KEYSET)
        .or(() -> first(controller, PlanActionType.FETCH_KEYSET))
        .or(() -> licensing(controller));
  }
}
