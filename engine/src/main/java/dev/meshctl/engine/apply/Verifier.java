package dev.meshctl.engine.apply;

import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.engine.address.ResourceAddress;
import dev.meshctl.engine.client.Vns3Client;
import dev.meshctl.engine.desired.DesiredController;
import dev.meshctl.engine.diff.MeshDiff;
import dev.meshctl.engine.live.ControllerState;
import dev.meshctl.engine.live.MeshState;
import dev.meshctl.engine.live.PeerLink;
import dev.meshctl.engine.pipeline.Judgement;
import dev.meshctl.engine.pipeline.MeshPipeline;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Checks that a mesh converged: re-reads every controller, judges the read as {@code diff} does
 * ({@link Judgement}), and checks that every peer link the spec wants reports reachable. A link
 * comes up a moment after both of its halves exist, so the check polls (with a growing pause) up
 * to a limit before it reports what remains. Each round's judgement runs on a worker; the pauses
 * are Vert.x timers.
 */
public final class Verifier {
  private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
  private static final Duration MAX_PAUSE = Duration.ofSeconds(2);

  private final Vertx vertx;
  private final MeshPipeline pipeline;

  public Verifier(Vertx vertx, MeshSpec spec, Map<String, Vns3Client> clients) {
    this(vertx, new MeshPipeline(vertx, spec, clients));
  }

  public Verifier(Vertx vertx, MeshPipeline pipeline) {
    this.vertx = vertx;
    this.pipeline = pipeline;
  }

  /** Polls until converged or {@code patience} has passed; answers the last check. */
  public Future<Verification> verify(Duration patience) {
    return settle(pipeline::read, patience, MAX_PAUSE, s -> linksPending(s.verification()), Future.future(p -> {}))
        .map(Settled::verification);
  }

  /**
   * Reads with {@code read} and judges each read until {@code worthWaiting} no longer holds of
   * it, {@code patience} would pass before the next round, or {@code cancel} completes; answers
   * the last round. Pauses start at 100 ms and double up to {@code maxPause}.
   */
  public Future<Settled> settle(
      Supplier<Future<MeshState>> read,
      Duration patience,
      Duration maxPause,
      Predicate<Settled> worthWaiting,
      Future<Void> cancel) {
    return round(read, System.nanoTime(), patience, FIRST_PAUSE, maxPause, worthWaiting, cancel);
  }

  private Future<Settled> round(
      Supplier<Future<MeshState>> read,
      long start,
      Duration patience,
      Duration pause,
      Duration maxPause,
      Predicate<Settled> worthWaiting,
      Future<Void> cancel) {
    return read.get()
        .compose(
            state -> {
              Duration waited = Duration.ofNanos(System.nanoTime() - start);
              // Judging, and whatever the caller's test costs, is work for a worker.
              return pipeline.onWorker(
                  () -> {
                    Judgement judged = Judgement.of(pipeline.spec(), state);
                    Settled s = new Settled(state, judged, check(judged, state, waited));
                    return new Round(s, worthWaiting.test(s));
                  });
            })
        .compose(
            r -> {
              Settled s = r.settled();
              Duration waited = s.verification().waited();
              if (!r.worthWaiting() || waited.plus(pause).compareTo(patience) > 0 || cancel.isComplete()) {
                return Future.succeededFuture(s);
              }
              Duration next = pause.multipliedBy(2).compareTo(maxPause) > 0 ? maxPause : pause.multipliedBy(2);
              return vertx
                  .timer(pause.toMillis(), TimeUnit.MILLISECONDS)
                  .compose(x -> round(read, start, patience, next, maxPause, worthWaiting, cancel));
            });
  }

  private record Round(Settled settled, boolean worthWaiting) {}

  /** Differences, problems and unreadable controllers do not heal by waiting; links do. */
  private static boolean linksPending(Verification v) {
    return !v.converged() && v.remaining().isEmpty() && v.problems().isEmpty() && v.unreadable().isEmpty();
  }

  /**
   * The pure check of one read of the live state: the {@link Judgement} {@code diff} makes
   * (changes and irreversible problems), plus the links' reachability.
   */
  public static Verification check(Judgement judged, MeshState state, Duration waited) {
    MeshDiff diff = judged.diff();
    List<String> unreachable = new ArrayList<>();
    for (DesiredController c : judged.desired().controllers().values()) {
      Optional<ControllerState> live = state.observed(c.name());
      if (live.isEmpty()) {
        continue;
      }
      for (int peerId : c.peers().keySet()) {
        PeerLink link = live.get().peering().peers().get(peerId);
        if (link == null || !link.reachable()) {
          unreachable.add(ResourceAddress.peer(c.name(), peerId).toString());
        }
      }
    }
    return new Verification(diff.changes(), diff.problems(), unreachable, diff.unreadable(), waited);
  }
}
