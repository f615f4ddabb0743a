package dev.meshctl.engine.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;
import org.junit.jupiter.api.Test;

class CriticalPathTest {
  @Test
  void theLongestWeightedChainWinsOverTheLongestByCount() {
    var g = new DirectedAcyclicGraph<String, DefaultEdge>(DefaultEdge.class);
    for (String v : List.of("license", "reboot", "keyset", "a", "b", "c", "d")) {
      g.addVertex(v);
    }
    g.addEdge("license", "reboot");
    g.addEdge("reboot", "keyset");
    g.addEdge("a", "b");
    g.addEdge("b", "c");
    g.addEdge("c", "d");
    Map<String, Duration> cost =
        Map.of(
            "license", Duration.ofMillis(20),
            "reboot", Duration.ofMillis(2040),
            "keyset", Duration.ofMillis(1040),
            "a", Duration.ofMillis(20),
            "b", Duration.ofMillis(20),
            "c", Duration.ofMillis(20),
            "d", Duration.ofMillis(20));
    CriticalPath<String> cp = CriticalPath.of(g, cost::get);
    assertEquals(Duration.ofMillis(3100), cp.length());
    assertEquals(List.of("license", "reboot", "keyset"), cp.chain());
    assertEquals(Duration.ofMillis(80), cp.tails().get("a"));
    assertEquals(Duration.ofMillis(1040), cp.tails().get("keyset"));
  }

  @Test
  void anEmptyGraphHasNoLength() {
    CriticalPath<String> cp = CriticalPath.of(new DirectedAcyclicGraph<String, DefaultEdge>(DefaultEdge.class), s -> Duration.ofSeconds(1));
    assertEquals(Duration.ZERO, cp.length());
    assertEquals(List.of(), cp.chain());
  }

  @Test
  void aSavedPlanNamesEveryControllerThatChanged() {
    SortedMap<String, String> planned = new TreeMap<>(Map.of("a", "1", "b", "2", "c", "3"));
    SortedMap<String, String> now = new TreeMap<>(Map.of("a", "1", "b", "changed", "d", "4"));
    assertEquals(List.of("b", "c", "d"), ApplyEngine.changedSince(planned, now));
    assertEquals(List.of(), ApplyEngine.changedSince(planned, new TreeMap<>(planned)));
  }
}
