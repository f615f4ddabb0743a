package dev.meshctl.engine.apply;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jgrapht.graph.DirectedAcyclicGraph;

/**
 * The longest chain of a DAG whose nodes have costs: the least time any schedule needs with
 * unlimited parallelism. Also gives each node its "tail", the longest chain from it to the end,
 * which makes a good start order under a parallelism limit (longest tail first).
 *
 * @param length the cost of the longest chain
 * @param chain its nodes, first to last
 * @param tails per node, its own cost plus the longest chain after it
 */
public record CriticalPath<N>(Duration length, List<N> chain, Map<N, Duration> tails) {

  /** Computes the critical path of {@code graph} under {@code cost}. */
  public static <N, E> CriticalPath<N> of(DirectedAcyclicGraph<N, E> graph, Function<N, Duration> cost) {
    List<N> topo = new ArrayList<>();
    graph.iterator().forEachRemaining(topo::add);
    Collections.reverse(topo);
    Map<N, Duration> tails = new HashMap<>();
    Map<N, N> next = new HashMap<>();
    for (N n : topo) {
      Duration best = Duration.ZERO;
      N bestNext = null;
      for (E e : graph.outgoingEdgesOf(n)) {
        N succ = graph.getEdgeTarget(e);
        if (tails.get(succ).compareTo(best) > 0) {
          best = tails.get(succ);
          bestNext = succ;
        }
      }
      tails.put(n, cost.apply(n).plus(best));
      if (bestNext != null) {
        next.put(n, bestNext);
      }
    }
    N start = null;
    Duration length = Duration.ZERO;
    for (N n : graph.vertexSet()) {
      if (graph.inDegreeOf(n) == 0 && tails.get(n).compareTo(length) > 0) {
        length = tails.get(n);
        start = n;
      }
    }
    List<N> chain = new ArrayList<>();
    for (N n = start; n != null; n = next.get(n)) {
      chain.add(n);
    }
    return new CriticalPath<>(length, List.copyOf(chain), Map.copyOf(tails));
  }
}
