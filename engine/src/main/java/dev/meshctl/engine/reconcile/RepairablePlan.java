package dev.meshctl.engine.reconcile;

import dev.meshctl.engine.plan.FetchKeyset;
import dev.meshctl.engine.plan.Plan;
import dev.meshctl.engine.plan.PlanAction;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;

/**
 * The part of a plan a tick may run. Actions on controllers that must not be touched (in backoff,
 * unreadable, or with irreversible drift), keyset downloads from such a controller, and every
 * action that depends on one of those are held back; the rest runs. Apply refuses a whole plan
 * with a blocking problem; the loop instead repairs everything the problem does not reach.
 *
 * @param plan the actions to run, with their dependencies, and no blocking problem
 * @param withheld the actions held back, in the original plan's order
 */
public record RepairablePlan(Plan plan, List<PlanAction> withheld) {

  public RepairablePlan {
    withheld = List.copyOf(withheld);
  }

  /** The part of {@code full} that touches none of {@code untouchable} (controller names). */
  public static RepairablePlan of(Plan full, Set<String> untouchable) {
    Set<PlanAction> held = new HashSet<>();
    Deque<PlanAction> todo = new ArrayDeque<>();
    for (PlanAction a : full.order()) {
      boolean fromUntouchable =
          a instanceof FetchKeyset f && untouchable.contains(f.sourceController());
      if (untouchable.contains(a.controller()) || fromUntouchable) {
        todo.add(a);
      }
    }
    while (!todo.isEmpty()) {
      PlanAction a = todo.poll();
      if (held.add(a)) {
        todo.addAll(full.dependents(a));
      }
    }
    DirectedAcyclicGraph<PlanAction, DefaultEdge> graph =
        new DirectedAcyclicGraph<>(DefaultEdge.class);
    for (PlanAction a : full.order()) {
      if (!held.contains(a)) {
        graph.addVertex(a);
      }
    }
    for (DefaultEdge e : full.graph().edgeSet()) {
      PlanAction from = full.graph().getEdgeSource(e);
      PlanAction to = full.graph().getEdgeTarget(e);
      if (!held.contains(from) && !held.contains(to)) {
        graph.addEdge(from, to);
      }
    }
    List<PlanAction> withheld = full.order().stream().filter(held::contains).toList();
    return new RepairablePlan(Plan.of(graph, full.fingerprints(), List.of()), withheld);
  }
}
