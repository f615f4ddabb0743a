package dev.meshctl.engine.plan;

import dev.meshctl.dsl.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.stream.Collectors;
import org.jgrapht.Graphs;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * What apply runs: a DAG of actions (an edge {@code a → b} means b may start only after a
 * succeeded), a deterministic topological order for listing, what it was computed against, and
 * the problems that forbid running it.
 *
 * <p>The graph is the plan's own: callers read it and must not change it.
 *
 * @param graph the actions and their real dependencies; independent actions may run in parallel
 * @param order every action once, dependencies first, ties broken by {@link ActionOrder}
 * @param fingerprints per controller, {@link StateFingerprint} of the live state the plan was
 *     computed from ({@code "unreadable"} for a controller that could not be read)
 * @param blocking irreversible problems and unreadable controllers: apply refuses while any exists
 * @param warnings what the plan disrupts or leaves behind that its actions alone do not show (a
 *     live controller's peer ID moving, a controller no longer in the spec); shown with the plan
 */
public record Plan(
    DirectedAcyclicGraph<PlanAction, DefaultEdge> graph,
    List<PlanAction> order,
    SortedMap<String, String> fingerprints,
    List<Diagnostic> blocking,
    List<Diagnostic> warnings) {

  /** A plan over {@code graph} without warnings, its order computed here. */
  public static Plan of(
      DirectedAcyclicGraph<PlanAction, DefaultEdge> graph,
      SortedMap<String, String> fingerprints,
      List<Diagnostic> blocking) {
    return of(graph, fingerprints, blocking, List.of());
  }

  /** A plan over {@code graph}, its order computed here. */
  public static Plan of(
      DirectedAcyclicGraph<PlanAction, DefaultEdge> graph,
      SortedMap<String, String> fingerprints,
      List<Diagnostic> blocking,
      List<Diagnostic> warnings) {
    List<PlanAction> order = new ArrayList<>(graph.vertexSet().size());
    new TopologicalOrderIterator<>(graph, ActionOrder.BY_ADDRESS).forEachRemaining(order::add);
    return new Plan(graph, List.copyOf(order), fingerprints, List.copyOf(blocking), List.copyOf(warnings));
  }

  public boolean isEmpty() {
    return order.isEmpty();
  }

  /** The actions that must succeed before {@code action} starts. */
  public Set<PlanAction> dependencies(PlanAction action) {
    return Graphs.predecessorListOf(graph, action).stream().collect(Collectors.toUnmodifiableSet());
  }

  /** The actions that wait for {@code action}. */
  public Set<PlanAction> dependents(PlanAction action) {
    return Graphs.successorListOf(graph, action).stream().collect(Collectors.toUnmodifiableSet());
  }
}
