package dev.meshctl.engine.pipeline;

import dev.meshctl.dsl.model.ControllerSpec;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.engine.client.Vns3Client;
import dev.meshctl.engine.live.ControllerObservation;
import dev.meshctl.engine.live.LiveStateReader;
import dev.meshctl.engine.live.ReadListener;
import dev.meshctl.engine.live.MeshState;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * The first stages every command shares: read the controllers (all, or all but some left unread
 * with a reason), then judge the read on a worker. {@code apply}, {@code reconcile}, {@code diff}
 * and {@code plan} all go through here, so they read alike and judge alike ({@link Judgement});
 * what follows (the lock, the walk, settling and verifying) is {@code ApplyEngine}'s.
 *
 * <p>Judging is CPU work (N = 64 plans 8,000 actions, tens of milliseconds), so it never runs on
 * an event loop: a loop that stalls delays every HTTP answer and the lock's renewal.
 */
public final class MeshPipeline {
  private final Vertx vertx;
  private final MeshSpec spec;
  private final Map<String, Vns3Client> clients;

  public MeshPipeline(Vertx vertx, MeshSpec spec, Map<String, Vns3Client> clients) {
    this.vertx = vertx;
    this.spec = spec;
    this.clients = Map.copyOf(clients);
  }

  public MeshSpec spec() {
    return spec;
  }

  /** Reads every controller; never fails (an unreadable controller is reported as such). */
  public Future<MeshState> read() {
    return read(Map.of());
  }

  /**
   * Reads every controller but those in {@code skipped}, which are reported unreadable with the
   * reason given (a controller in backoff is not asked at all).
   */
  public Future<MeshState> read(Map<String, String> skipped) {
    return read(skipped, Optional.empty());
  }

  /**
   * As {@link #read(Map)}; with a listener, each controller's reads end at its request timeout,
   * counted from when they all start, and the listener hears of each controller as it ends.
   */
  public Future<MeshState> read(Map<String, String> skipped, Optional<ReadListener> listener) {
    LiveStateReader reader = listener.map(l -> new LiveStateReader(vertx, l)).orElseGet(LiveStateReader::new);
    Context context = vertx.getOrCreateContext();
    List<Future<ControllerObservation>> reads = new ArrayList<>();
    for (ControllerSpec c : spec.controllers()) {
      String why = skipped.get(c.name());
      Vns3Client client = clients.get(c.name());
      if (why == null && client == null) {
        why = "no API client for this controller";
      }
      reads.add(
          why == null
              // Each controller's five requests in a task of their own: see OwnTask.
              ? OwnTask.on(context, () -> reader.bounded(c, client))
              : Future.succeededFuture(new ControllerObservation.Unreadable(c.name(), why)));
    }
    // join, not all: wait for every controller so that every unreadable one is reported.
    return Future.join(reads)
        .transform(
            done -> {
              SortedMap<String, ControllerObservation> byName = new TreeMap<>();
              reads.forEach(f -> byName.put(f.result().controller(), f.result()));
              return Future.succeededFuture(new MeshState(byName));
            });
  }

  /** The judgement of {@code live}, made on a worker thread. */
  public Future<Judgement> analyse(MeshState live) {
    return onWorker(() -> Judgement.of(spec, live));
  }

  /** Reads every controller and judges the read. */
  public Future<Judged> readAndAnalyse() {
    return readAndAnalyse(Optional.empty());
  }

  /** Reads every controller, telling {@code listener} as {@link #read(Map, Optional)} does, and judges the read. */
  public Future<Judged> readAndAnalyse(Optional<ReadListener> listener) {
    return read(Map.of(), listener).compose(live -> analyse(live).map(j -> new Judged(live, j)));
  }

  /** CPU work for a worker thread; unordered, so two runs' analyses do not queue behind each other. */
  public <T> Future<T> onWorker(Callable<T> work) {
    return vertx.executeBlocking(work, false);
  }
}
