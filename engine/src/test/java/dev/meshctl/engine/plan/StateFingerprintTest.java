package dev.meshctl.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.meshctl.engine.desired.DesiredMesh;
import dev.meshctl.engine.desired.MeshExpander;
import dev.meshctl.engine.diff.MeshFixtures;
import dev.meshctl.engine.live.LiveRoute;
import dev.meshctl.engine.live.MeshState;
import dev.meshctl.engine.live.PeerLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StateFingerprintTest {
  private final DesiredMesh mesh = MeshExpander.expand(MeshFixtures.spec(3));
  private final MeshState converged = MeshFixtures.converged(mesh);
  private final String before = StateFingerprint.of(converged).get("ctl-02");

  @Test
  void aLinkGoingDownIsNotAChangeToTheController() {
    MeshState down =
        MeshFixtures.with(converged, "ctl-02", c -> MeshFixtures.withPeers(c, peers(c.peering().peers(), 1, true)));
    assertEquals(before, StateFingerprint.of(down).get("ctl-02"));
  }

  @Test
  void aLearnedRouteComingOrGoingIsNotAChangeToTheController() {
    MeshState learned =
        MeshFixtures.with(converged, "ctl-02", c -> {
          List<LiveRoute> routes = new ArrayList<>(c.routes());
          routes.add(new LiveRoute("100042", "10.9.9.0/24", Optional.empty(), Optional.of("tun0"),
              false, 0, "learned from 3", true, false));
          return MeshFixtures.withRoutes(c, routes);
        });
    assertEquals(before, StateFingerprint.of(learned).get("ctl-02"));
  }

  @Test
  void aPeerPointingElsewhereIsAChange() {
    MeshState moved =
        MeshFixtures.with(converged, "ctl-02", c -> MeshFixtures.withPeers(c, peers(c.peering().peers(), 1, false)));
    assertNotEquals(before, StateFingerprint.of(moved).get("ctl-02"));
  }

  /** The peer map with peer {@code id} unreachable, or moved to another address. */
  private static SortedMap<Integer, PeerLink> peers(SortedMap<Integer, PeerLink> peers, int id, boolean justDown) {
    SortedMap<Integer, PeerLink> out = new TreeMap<>(peers);
    PeerLink l = out.get(id);
    out.put(id, justDown
        ? new PeerLink(l.id(), l.address(), false, l.mtu(), l.self(), l.notSet())
        : new PeerLink(l.id(), "10.99.0.1", l.reachable(), l.mtu(), l.self(), l.notSet()));
    return out;
  }
}
