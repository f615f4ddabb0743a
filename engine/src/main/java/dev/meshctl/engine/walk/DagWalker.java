package dev.meshctl.engine.walk;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import org.jgrapht.graph.DirectedAcyclicGraph;

/**
 * Runs the nodes of a DAG as soon as their predecessors succeeded, under a global and a per-group
 * parallelism limit, without blocking: a node's work is a {@link Future}.
 *
 * <p>A failed node marks all its descendants {@link NodeStatus#SKIPPED}, naming only the root
 * cause; independent branches keep going. Cancellation stops new starts and lets running nodes
 * end. All state of a walk is touched only on the given Vert.x context, so nothing is locked or
 * shared between threads.
 */
public final class DagWalker<N> {
  private final Context context;

  /**
   * @param context the context (event loop) that owns every walk of this walker; the node
   *     futures may complete on any thread
   */
  public DagWalker(Context context) {
    this.context = context;
  }

  /**
   * Walks the graph once. The graph must not change during the walk.
   *
   * @param graph edges point from a node to the nodes that depend on it
   * @param run starts a node's work
   * @param options limits, order, naming and cancellation
   * @param listener told of every start and end, on the walk's context
   * @return the report, once no node runs and none can start
   */
  public Future<WalkReport<N>> walk(
      DirectedAcyclicGraph<N, ?> graph,
      Function<N, Future<Void>> run,
      WalkOptions<N> options,
      WalkListener<N> listener) {
    Promise<WalkReport<N>> done = Promise.promise();
    onContext(() -> new Walk<>(this, graph, run, options, listener, done).begin());
    return done.future();
  }

  private void onContext(Runnable r) {
    if (Vertx.currentContext() == context) {
      r.run();
    } else {
      context.runOnContext(v -> r.run());
    }
  }

  /** The state of one walk; touched only on the walker's context. */
  private static final class Walk<N, E> {
    private final DagWalker<N> owner;
    private final DirectedAcyclicGraph<N, E> graph;
    private final Function<N, Future<Void>> run;
    private final WalkOptions<N> options;
    private final WalkListener<N> listener;
    private final Promise<WalkReport<N>> done;
    private final long startNanos = System.nanoTime();

    private final Map<N, Integer> waitingOn = new HashMap<>();
    private final Map<N, Long> index = new HashMap<>();
    private final Comparator<N> order;
    /** Ready nodes per group, best first. */
    private final Map<String, TreeSet<N>> ready = new HashMap<>();
    /** The best ready node of every group below its limit: the candidates to start next. */
    private final TreeSet<N> heads;
    private int readyCount;
    private final Map<String, Integer> runningPerGroup = new HashMap<>();
    private final Map<N, Long> startedAt = new HashMap<>();
    private final Map<N, NodeOutcome<N>> ended = new LinkedHashMap<>();
    /** Nodes whose work declined to start ({@link Declined}), with why. */
    private final Map<N, String> declinedReason = new java.util.HashMap<>();
    private int running;
    private boolean cancelled;
    private boolean finished;

    @SuppressWarnings("unchecked")
    Walk(
        DagWalker<N> owner,
        DirectedAcyclicGraph<N, ?> graph,
        Function<N, Future<Void>> run,
        WalkOptions<N> options,
        WalkListener<N> listener,
        Promise<WalkReport<N>> done) {
      this.owner = owner;
      this.graph = (DirectedAcyclicGraph<N, E>) graph;
      this.run = run;
      this.options = options;
      this.listener = listener;
      this.done = done;
      // Ties in the caller's order fall back to graph order, so the set never merges two nodes.
      Comparator<N> byIndex = Comparator.comparingLong(index::get);
      this.order = options.order().thenComparing(byIndex);
      this.heads = new TreeSet<>(order);
    }

    void begin() {
      long i = 0;
      for (N n : graph) {
        index.put(n, i++);
        int preds = graph.inDegreeOf(n);
        waitingOn.put(n, preds);
        if (preds == 0) {
          makeReady(n);
        }
      }
      options.cancel().onComplete(ar -> owner.onContext(this::cancel));
      pump();
    }

    private void cancel() {
      cancelled = true;
      maybeFinish();
    }

    private void pump() {
      while (!cancelled && running < options.parallelism() && !heads.isEmpty()) {
        N next = heads.pollFirst();
        String g = options.group().apply(next);
        ready.get(g).remove(next);
        readyCount--;
        start(next);
        refreshHead(g);
      }
      maybeFinish();
    }

    private void makeReady(N n) {
      String g = options.group().apply(n);
      TreeSet<N> queue = ready.computeIfAbsent(g, k -> new TreeSet<>(order));
      if (!queue.isEmpty()) {
        heads.remove(queue.first());
      }
      queue.add(n);
      readyCount++;
      refreshHead(g);
    }

    private void unready(N n) {
      String g = options.group().apply(n);
      TreeSet<N> queue = ready.get(g);
      if (queue != null && queue.remove(n)) {
        heads.remove(n);
        readyCount--;
        refreshHead(g);
      }
    }

    /** Puts the group's best ready node among the candidates if the group may start one more. */
    private void refreshHead(String g) {
      TreeSet<N> queue = ready.get(g);
      if (queue == null || queue.isEmpty()) {
        return;
      }
      boolean room =
          options.perGroupLimit() == 0
              || runningPerGroup.getOrDefault(g, 0) < options.perGroupLimit();
      if (room) {
        heads.add(queue.first());
      } else {
        heads.remove(queue.first());
      }
    }

    private void start(N n) {
      running++;
      runningPerGroup.merge(options.group().apply(n), 1, Integer::sum);
      refreshHead(options.group().apply(n));
      startedAt.put(n, System.nanoTime());
      listener.started(n);
      Future<Void> work;
      try {
        work = run.apply(n);
      } catch (RuntimeException e) {
        work = Future.failedFuture(e);
      }
      work.onComplete(ar -> owner.onContext(() -> end(n, ar)));
    }

    private void end(N n, AsyncResult<Void> ar) {
      running--;
      runningPerGroup.merge(options.group().apply(n), -1, Integer::sum);
      refreshHead(options.group().apply(n));
      Duration took = Duration.ofNanos(System.nanoTime() - startedAt.get(n));
      if (ar.succeeded()) {
        ended.put(n, new NodeOutcome<>(n, NodeStatus.SUCCEEDED, Optional.empty(), "", took));
        listener.succeeded(n, took);
        for (E e : graph.outgoingEdgesOf(n)) {
          N succ = graph.getEdgeTarget(e);
          int left = waitingOn.merge(succ, -1, Integer::sum);
          if (left == 0 && !ended.containsKey(succ)) {
            makeReady(succ);
          }
        }
      } else if (ar.cause() instanceof Declined declined) {
        // It never started: it ends the walk as not started, with its dependents.
        declinedReason.put(n, "not started: " + declined.getMessage());
        listener.skipped(n, "not started: " + declined.getMessage());
      } else {
        Throwable error = ar.cause();
        ended.put(n, new NodeOutcome<>(n, NodeStatus.FAILED, Optional.of(error), "", took));
        listener.failed(n, took, error);
        if (!cancelled) {
          // After a cancel nothing starts anyway: what follows a failure then reads as not
          // started for the cancel (an interrupted wait fails its action), not skipped for it.
          skipDescendants(n);
        }
      }
      pump();
    }

    private void skipDescendants(N failed) {
      String reason = "skipped: " + options.name().apply(failed) + " failed";
      List<N> descendants = new ArrayList<>(graph.getDescendants(failed));
      descendants.sort(Comparator.comparingLong(index::get));
      for (N d : descendants) {
        // A node skipped for an earlier failure keeps that root cause.
        if (!ended.containsKey(d)) {
          unready(d);
          ended.put(d, new NodeOutcome<>(d, NodeStatus.SKIPPED, Optional.empty(), reason, Duration.ZERO));
          listener.skipped(d, reason);
        }
      }
    }

    private void maybeFinish() {
      if (finished || running > 0 || !(cancelled || readyCount == 0)) {
        return;
      }
      finished = true;
      List<NodeOutcome<N>> outcomes = new ArrayList<>(ended.values());
      for (N n : graph) {
        if (!ended.containsKey(n)) {
          outcomes.add(
              new NodeOutcome<>(
                  n,
                  NodeStatus.NOT_STARTED,
                  Optional.empty(),
                  declinedReason.getOrDefault(n, "not started: cancelled"),
                  Duration.ZERO));
        }
      }
      done.complete(
          new WalkReport<>(outcomes, cancelled, Duration.ofNanos(System.nanoTime() - startNanos)));
    }
  }
}
