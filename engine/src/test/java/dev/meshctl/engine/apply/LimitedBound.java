package dev.meshctl.engine.apply;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jgrapht.graph.DirectedAcyclicGraph;

/**
 * The least time any schedule of a DAG needs when at most {@code limit} nodes of one group (one
 * controller) run at once: the longer of the critical path and, for every group and every
 * earliest start {@code h} of one of its nodes, {@code h} + the cost of the group's nodes that
 * cannot start before {@code h}, divided by the limit, + the shortest chain that must follow the
 * last of them. Each term holds for every schedule, so their maximum does.
 *
 * @param length the bound
 * @param chain the critical path alone (unlimited per group)
 * @param busiestGroup the group whose work set the bound, or "" when the chain did
 */
record LimitedBound(Duration length, Duration chain, String busiestGroup) {

  /**
   * @param limit the most nodes of one group at once; 0 for no limit (the critical path alone)
   */
  static <N, E> LimitedBound of(
      DirectedAcyclicGraph<N, E> graph, Function<N, Duration> cost, Function<N, String> group, int limit) {
    CriticalPath<N> critical = CriticalPath.of(graph, cost);
    Duration best = critical.length();
    String busiest = "";
    if (limit == 0) {
      return new LimitedBound(best, critical.length(), busiest);
    }
    Map<N, Long> head = new HashMap<>();
    heads(graph, cost).forEach((n, h) -> head.put(n, h.toNanos()));
    Map<String, List<N>> byGroup = new HashMap<>();
    for (N n : graph) {
      byGroup.computeIfAbsent(group.apply(n), g -> new ArrayList<>()).add(n);
    }
    for (Map.Entry<String, List<N>> g : byGroup.entrySet()) {
      List<N> nodes = g.getValue();
      nodes.sort(Comparator.comparing(head::get));
      long work = 0;
      long after = Long.MAX_VALUE;
      for (int i = nodes.size() - 1; i >= 0; i--) {
        N n = nodes.get(i);
        long own = cost.apply(n).toNanos();
        work += own;
        after = Math.min(after, critical.tails().get(n).toNanos() - own);
        if (i > 0 && head.get(nodes.get(i - 1)).equals(head.get(n))) {
          continue; // the suffix is only a valid set from the first node of equal start
        }
        Duration candidate = Duration.ofNanos(head.get(n) + work / limit + after);
        if (candidate.compareTo(best) > 0) {
          best = candidate;
          busiest = g.getKey();
        }
      }
    }
    return new LimitedBound(best, critical.length(), busiest);
  }

  /** Each node's earliest start: the longest chain before it. */
  static <N, E> Map<N, Duration> heads(DirectedAcyclicGraph<N, E> graph, Function<N, Duration> cost) {
    Map<N, Duration> head = new HashMap<>();
    for (N n : graph) { // topological order: every predecessor's head is known
      Duration h = Duration.ZERO;
      for (E e : graph.incomingEdgesOf(n)) {
        N p = graph.getEdgeSource(e);
        Duration end = head.get(p).plus(cost.apply(p));
        h = end.compareTo(h) > 0 ? end : h;
      }
      head.put(n, h);
    }
    return head;
  }
}
