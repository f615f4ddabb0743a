package dev.meshctl.engine.walk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The walker, driven by promises the test completes by hand. */
class DagWalkerTest {
  private Vertx vertx;
  private Context context;
  private final Map<String, Promise<Void>> runningWork = new LinkedHashMap<>();
  private final List<String> events = new ArrayList<>();
  private final Promise<Void> cancel = Promise.promise();

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    context = vertx.getOrCreateContext();
  }

  @AfterEach
  void tearDown() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void startsANodeOnlyWhenAllItsPredecessorsSucceeded() throws Exception {
    var g = graph("a>c", "b>c", "c>d");
    Future<WalkReport<String>> report = walk(g, options(10));
    assertEquals(List.of("a", "b"), started());
    complete("a");
    assertEquals(List.of("a", "b"), started());
    complete("b");
    assertEquals(List.of("a", "b", "c"), started());
    complete("c");
    complete("d");
    WalkReport<String> r = await(report);
    assertTrue(r.allSucceeded());
    assertEquals(List.of("a", "b", "c", "d"), r.outcomes().stream().map(NodeOutcome::node).toList());
  }

  @Test
  void aFailedNodeSkipsItsDescendantsAndIndependentBranchesContinue() throws Exception {
    var g = graph("a>b", "b>c", "a>d", "x>y");
    Future<WalkReport<String>> report = walk(g, options(10));
    fail("a", "boom");
    assertEquals(List.of("a", "x"), started());
    complete("x");
    complete("y");
    WalkReport<String> r = await(report);
    assertEquals(NodeStatus.FAILED, status(r, "a"));
    assertEquals("boom", outcome(r, "a").error().orElseThrow().getMessage());
    for (String skipped : List.of("b", "c", "d")) {
      assertEquals(NodeStatus.SKIPPED, status(r, skipped));
      assertEquals("skipped: a failed", outcome(r, skipped).reason());
    }
    assertEquals(NodeStatus.SUCCEEDED, status(r, "y"));
    assertTrue(events.contains("skipped c: skipped: a failed"));
  }

  @Test
  void aNodeBelowTwoFailuresNamesOnlyTheFirstRootCause() throws Exception {
    var g = graph("a>c", "b>c", "c>d");
    Future<WalkReport<String>> report = walk(g, options(10));
    fail("b", "first");
    fail("a", "second");
    WalkReport<String> r = await(report);
    assertEquals("skipped: b failed", outcome(r, "c").reason());
    assertEquals("skipped: b failed", outcome(r, "d").reason());
    assertEquals(1, events.stream().filter(e -> e.startsWith("skipped d")).count());
  }

  @Test
  void honoursTheGlobalParallelismLimitInDeterministicOrder() throws Exception {
    var g = graph("e", "d", "c", "b", "a");
    Future<WalkReport<String>> report = walk(g, options(2));
    assertEquals(List.of("a", "b"), started());
    complete("b");
    assertEquals(List.of("a", "b", "c"), started());
    complete("a");
    complete("c");
    assertEquals(List.of("a", "b", "c", "d", "e"), started());
    complete("d");
    complete("e");
    assertTrue(await(report).allSucceeded());
  }

  @Test
  void honoursThePerGroupLimit() throws Exception {
    var g = graph("r1.x", "r1.y", "r1.z", "r2.x");
    WalkOptions<String> opts = options(10).withGroupLimit(1, n -> n.substring(0, 2));
    Future<WalkReport<String>> report = walk(g, opts);
    assertEquals(List.of("r1.x", "r2.x"), started());
    complete("r1.x");
    assertEquals(List.of("r1.x", "r2.x", "r1.y"), started());
    complete("r1.y");
    complete("r1.z");
    complete("r2.x");
    assertTrue(await(report).allSucceeded());
  }

  @Test
  void cancellationStopsNewStartsAndLetsRunningNodesEnd() throws Exception {
    var g = graph("a>b", "c");
    Future<WalkReport<String>> report = walk(g, options(10));
    onContext(cancel::complete);
    assertFalse(report.isComplete(), "running nodes must end before the walk does");
    complete("a");
    assertFalse(report.isComplete());
    complete("c");
    WalkReport<String> r = await(report);
    assertTrue(r.cancelled());
    assertEquals(List.of("a", "c"), started());
    assertEquals(NodeStatus.SUCCEEDED, status(r, "a"));
    assertEquals(NodeStatus.NOT_STARTED, status(r, "b"));
    assertEquals("not started: cancelled", outcome(r, "b").reason());
  }

  @Test
  void aNodeThatThrowsInsteadOfFailingItsFutureFails() throws Exception {
    var g = graph("a>b");
    WalkReport<String> r =
        await(
            new DagWalker<String>(context)
                .walk(
                    g,
                    n -> {
                      throw new IllegalStateException("thrown by " + n);
                    },
                    options(1),
                    WalkListener.none()));
    assertEquals(NodeStatus.FAILED, status(r, "a"));
    assertEquals(NodeStatus.SKIPPED, status(r, "b"));
  }

  @Test
  void anEmptyGraphEndsAtOnce() throws Exception {
    WalkReport<String> r = await(walk(new DirectedAcyclicGraph<>(DefaultEdge.class), options(1)));
    assertTrue(r.outcomes().isEmpty());
    assertFalse(r.cancelled());
  }

  // --- helpers ---------------------------------------------------------------------------------

  /** Builds a graph from "a>b" edges and lone "a" nodes. */
  static DirectedAcyclicGraph<String, DefaultEdge> graph(String... specs) {
    var g = new DirectedAcyclicGraph<String, DefaultEdge>(DefaultEdge.class);
    for (String s : specs) {
      String[] parts = s.split(">");
      for (String p : parts) {
        g.addVertex(p);
      }
      if (parts.length == 2) {
        g.addEdge(parts[0], parts[1]);
      }
    }
    return g;
  }

  @Test
  void aNodeThatDeclinesToStartIsNotStartedAndSkipsNoDependent() throws Exception {
    var g = graph("a>b", "x>y");
    Future<WalkReport<String>> report = walk(g, options(10));
    assertEquals(List.of("a", "x"), started());
    onContext(
        () -> {
          runningWork.get("a").fail(new Declined("the apply lock was lost"));
          cancel.complete();
        });
    complete("x");
    WalkReport<String> r = await(report);
    assertEquals(NodeStatus.NOT_STARTED, status(r, "a"));
    assertEquals("not started: the apply lock was lost", outcome(r, "a").reason());
    assertEquals(NodeStatus.NOT_STARTED, status(r, "b"), "a dependent is not skipped for a node that never ran");
    assertEquals(NodeStatus.SUCCEEDED, status(r, "x"), "what was running ends as it ends");
    assertEquals(NodeStatus.NOT_STARTED, status(r, "y"));
    assertTrue(r.with(NodeStatus.FAILED).isEmpty() && r.with(NodeStatus.SKIPPED).isEmpty(), r::toString);
  }

  private WalkOptions<String> options(int parallelism) {
    return WalkOptions.of(parallelism, Function.identity(), cancel.future());
  }

  private Future<WalkReport<String>> walk(
      DirectedAcyclicGraph<String, DefaultEdge> g, WalkOptions<String> opts) throws Exception {
    WalkListener<String> listener =
        new WalkListener<>() {
          @Override
          public void started(String node) {
            events.add("started " + node);
          }

          @Override
          public void skipped(String node, String reason) {
            events.add("skipped " + node + ": " + reason);
          }
        };
    Function<String, Future<Void>> run =
        n -> {
          Promise<Void> p = Promise.promise();
          runningWork.put(n, p);
          return p.future();
        };
    Future<WalkReport<String>> f = new DagWalker<String>(context).walk(g, run, opts, listener);
    settle();
    return f;
  }

  private List<String> started() {
    return List.copyOf(runningWork.keySet());
  }

  private void complete(String node) throws Exception {
    onContext(() -> runningWork.get(node).complete());
  }

  private void fail(String node, String message) throws Exception {
    onContext(() -> runningWork.get(node).fail(message));
  }

  /** Runs on the walk's context and waits, then lets the walker react. */
  private void onContext(Runnable r) throws Exception {
    CompletableFuture<Void> done = new CompletableFuture<>();
    context.runOnContext(
        v -> {
          r.run();
          done.complete(null);
        });
    done.get(5, TimeUnit.SECONDS);
    settle();
  }

  private void settle() throws Exception {
    CompletableFuture<Void> done = new CompletableFuture<>();
    context.runOnContext(v -> done.complete(null));
    done.get(5, TimeUnit.SECONDS);
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static NodeOutcome<String> outcome(WalkReport<String> r, String node) {
    return r.outcomes().stream().filter(o -> o.node().equals(node)).findFirst().orElseThrow();
  }

  private static NodeStatus status(WalkReport<String> r, String node) {
    return outcome(r, node).status();
  }
}
