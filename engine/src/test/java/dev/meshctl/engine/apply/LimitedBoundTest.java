package dev.meshctl.engine.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;
import org.junit.jupiter.api.Test;

class LimitedBoundTest {
  private static final Map<String, Integer> COST =
      Map.of("a.boot", 100, "a.x", 10, "a.y", 10, "a.z", 10, "b.boot", 30, "b.x", 10, "b.end", 5);

  private static Duration cost(String n) {
    return Duration.ofMillis(COST.get(n));
  }

  private static String group(String n) {
    return n.substring(0, 1);
  }

  /** a.boot → a.x, a.y, a.z (one controller); b.boot → b.x → b.end; a.x → b.end. */
  private static DirectedAcyclicGraph<String, DefaultEdge> graph() {
    DirectedAcyclicGraph<String, DefaultEdge> g = new DirectedAcyclicGraph<>(DefaultEdge.class);
    COST.keySet().forEach(g::addVertex);
    g.addEdge("a.boot", "a.x");
    g.addEdge("a.boot", "a.y");
    g.addEdge("a.boot", "a.z");
    g.addEdge("b.boot", "b.x");
    g.addEdge("b.x", "b.end");
    g.addEdge("a.x", "b.end");
    return g;
  }

  @Test
  void withoutALimitItIsTheCriticalPath() {
    LimitedBound b = LimitedBound.of(graph(), LimitedBoundTest::cost, LimitedBoundTest::group, 0);
    assertEquals(Duration.ofMillis(115), b.length()); // a.boot, a.x, b.end
    assertEquals("", b.busiestGroup());
  }

  @Test
  void oneAtATimeAControllersWorkAfterItsBootAddsUp() {
    LimitedBound b = LimitedBound.of(graph(), LimitedBoundTest::cost, LimitedBoundTest::group, 1);
    // a: from 100 ms, x, y and z one after another (30 ms); nothing shorter than 0 ms after the
    // last (y or z may end it). The whole of a from 0: 130 ms as well.
    assertEquals(Duration.ofMillis(130), b.length());
    assertEquals("a", b.busiestGroup());
    assertEquals(Duration.ofMillis(115), b.chain());
  }

  @Test
  void twoAtATimeHalvesTheWork() {
    LimitedBound b = LimitedBound.of(graph(), LimitedBoundTest::cost, LimitedBoundTest::group, 2);
    assertEquals(Duration.ofMillis(115), b.length(), "100 + 30/2 = 115, no more than the chain");
  }
}
