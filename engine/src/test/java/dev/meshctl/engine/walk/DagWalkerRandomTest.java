package dev.meshctl.engine.walk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Seeded random DAGs with random failures, against a simple reference of what must happen. */
class DagWalkerRandomTest {
  private static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void matchesTheReference(long seed) throws Exception {
    Random rnd = new Random(seed);
    int size = 5 + rnd.nextInt(40);
    var g = new DirectedAcyclicGraph<Integer, DefaultEdge>(DefaultEdge.class);
    for (int i = 0; i < size; i++) {
      g.addVertex(i);
    }
    for (int i = 0; i < size; i++) {
      for (int j = i + 1; j < size; j++) {
        if (rnd.nextInt(size) < 2) {
          g.addEdge(i, j);
        }
      }
    }
    Set<Integer> failing = new HashSet<>();
    for (int i = 0; i < size; i++) {
      if (rnd.nextInt(8) == 0) {
        failing.add(i);
      }
    }
    int parallelism = 1 + rnd.nextInt(4);
    int groupLimit = rnd.nextInt(3);
    Map<Integer, Long> delays = new HashMap<>();
    for (int i = 0; i < size; i++) {
      delays.put(i, (long) rnd.nextInt(4));
    }

    Context context = vertx.getOrCreateContext();
    Set<Integer> succeeded = new HashSet<>();
    int[] running = {0, 0};
    Map<Integer, Integer> runningPerGroup = new HashMap<>();
    Function<Integer, Future<Void>> run =
        n -> {
          for (DefaultEdge e : g.incomingEdgesOf(n)) {
            assertTrue(succeeded.contains(g.getEdgeSource(e)), n + " started before a predecessor");
          }
          running[0]++;
          running[1] = Math.max(running[1], running[0]);
          int group = runningPerGroup.merge(n % 3, 1, Integer::sum);
          if (groupLimit > 0) {
            assertTrue(group <= groupLimit, "group limit exceeded");
          }
          Promise<Void> p = Promise.promise();
          Runnable finish =
              () -> {
                running[0]--;
                runningPerGroup.merge(n % 3, -1, Integer::sum);
                if (failing.contains(n)) {
                  p.fail("node " + n);
                } else {
                  succeeded.add(n);
                  p.complete();
                }
              };
          long delay = delays.get(n);
          if (delay == 0) {
            finish.run();
          } else {
            vertx.setTimer(delay, t -> finish.run());
          }
          return p.future();
        };
    WalkOptions<Integer> opts =
        WalkOptions.<Integer>of(parallelism, String::valueOf, Promise.<Void>promise().future())
            .withGroupLimit(groupLimit, n -> String.valueOf(n % 3));
    WalkReport<Integer> report =
        new DagWalker<Integer>(context)
            .walk(g, run, opts, WalkListener.none())
            .toCompletionStage()
            .toCompletableFuture()
            .get(20, TimeUnit.SECONDS);

    assertTrue(running[1] <= parallelism, "parallelism exceeded: " + running[1]);
    assertEquals(size, report.outcomes().size());
    Map<Integer, NodeStatus> expected = reference(g, failing);
    for (NodeOutcome<Integer> o : report.outcomes()) {
      assertEquals(expected.get(o.node()), o.status(), "node " + o.node() + " seed " + seed);
      if (o.status() == NodeStatus.SKIPPED) {
        int cause = Integer.parseInt(o.reason().replaceAll("\\D+", " ").trim());
        assertEquals(NodeStatus.FAILED, expected.get(cause));
        assertTrue(g.getAncestors(o.node()).contains(cause), "cause must be an ancestor");
      }
    }
  }

  /** A node runs iff every ancestor succeeded; it succeeds iff it runs and is not failing. */
  private static Map<Integer, NodeStatus> reference(
      DirectedAcyclicGraph<Integer, DefaultEdge> g, Set<Integer> failing) {
    Map<Integer, NodeStatus> status = new HashMap<>();
    for (Integer n : List.copyOf(g.vertexSet()).stream().sorted().toList()) {
      boolean runs =
          g.getAncestors(n).stream().noneMatch(a -> failing.contains(a) || status.get(a) != NodeStatus.SUCCEEDED);
      status.put(n, !runs ? NodeStatus.SKIPPED : failing.contains(n) ? NodeStatus.FAILED : NodeStatus.SUCCEEDED);
    }
    return status;
  }
}
