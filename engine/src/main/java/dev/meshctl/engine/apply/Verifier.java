package dev.meshctl.engine.apply;

import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.engine.address.ResourceAddress;
import dev.meshctl.engine.client.Vns3Client;
import dev.meshctl.engine.desired.DesiredController;
import dev.meshctl.engine.desired.DesiredMesh;
import dev.meshctl.engine.desired.MeshExpander;
import dev.meshctl.engine.diff.MeshDiff;
import dev.meshctl.engine.diff.MeshDiffer;
import dev.meshctl.engine.live.ControllerState;
import dev.meshctl.engine.live.LiveStateReader;
import dev.meshctl.engine.live.MeshState;
import dev.meshctl.engine.live.PeerLink;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks that a mesh converged: re-reads every controller, diffs against the spec, and checks that
 * every peer link the spec wants reports reachable. A link comes up a moment after both of its
 * halves exist, so the check polls (with a growing pause) up to a limit before it reports what
 * remains.
 */
public final class Verifier {
  private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
  private static final Duration MAX_PAUSE = Duration.ofSeconds(2);

  private final Vertx vertx;
  private final MeshSpec spec;
  private final Map<String, Vns3Client> clients;

  public Verifier(Vertx vertx, MeshSpec spec, Map<String, Vns3Client> clients) {
    this.vertx = vertx;
    this.spec = spec;
    this.clients = clients;
  }

  /** Polls until converged or {@code patience} has passed; answers the last check. */
  public Future<Verification> verify(Duration patience) {
    long start = System.nanoTime();
    return round(start, patience, FIRST_PAUSE);
  }

  private Future<Verification> round(long start, Duration patience, Duration pause) {
    return new LiveStateReader()
        .read(spec, clients)
        .compose(
            state -> {
              Duration waited = Duration.ofNanos(System.nanoTime() - start);
              // Diffing thousands of resources is work for a worker, not the event loop.
              // Expanded against each read: a controller keeps the peer ID it has, so a converged
              // mesh expands to what was planned.
              return vertx.executeBlocking(() -> check(MeshExpander.expand(spec, state), state, waited), false);
            })
        .compose(
            v -> {
              Duration waited = v.waited();
              // Differences, problems and unreadable controllers do not heal by waiting; links do.
              boolean onlyLinks = v.remaining().isEmpty() && v.problems().isEmpty() && v.unreadable().isEmpty();
              if (v.converged() || !onlyLinks || waited.plus(pause).compareTo(patience) > 0) {
                return Future.succeededFuture(v);
              }
              Promise<Void> later = Promise.promise();
              vertx.setTimer(pause.toMillis(), t -> later.complete());
              Duration nextPause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
              return later.future().compose(x -> round(start, patience, nextPause));
            });
  }

  /**
   * The pure check of one read of the live state: {@link MeshDiffer}'s judgement, the one {@code
   * diff} makes (changes and irreversible problems), plus the links' reachability.
   */
  public static Verification check(DesiredMesh desired, MeshState state, Duration waited) {
    MeshDiff diff = MeshDiffer.diff(desired, state);
    List<String> unreachable = new ArrayList<>();
    for (DesiredController c : desired.controllers().values()) {
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
