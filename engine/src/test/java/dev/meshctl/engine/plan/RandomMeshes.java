package dev.meshctl.engine.plan;

import dev.meshctl.dsl.model.LinkSpec;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.engine.desired.DesiredMesh;
import dev.meshctl.engine.diff.MeshFixtures;
import dev.meshctl.engine.live.ControllerObservation;
import dev.meshctl.engine.live.ControllerState;
import dev.meshctl.engine.live.LiveRoute;
import dev.meshctl.engine.live.MeshState;
import dev.meshctl.engine.live.PeerLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

/** Random specs and live states for property tests of the plan, from a seeded {@link Random}. */
public final class RandomMeshes {
  private RandomMeshes() {}

  /** A full mesh, or listed links between random pairs, of {@code n} controllers. */
  public static MeshSpec spec(Random rnd, int n) {
    if (rnd.nextBoolean()) {
      return MeshFixtures.spec(n);
    }
    List<LinkSpec> links = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      for (int j = i + 1; j <= n; j++) {
        if (rnd.nextInt(3) == 0) {
          links.add(new LinkSpec(MeshFixtures.name(i), MeshFixtures.name(j), OptionalInt.empty()));
        }
      }
    }
    return MeshFixtures.spec(n, false, links);
  }

  /**
   * Each controller fresh, unreadable or converged with random drift (missing and extra peers,
   * missing, changed and stale routes); the root fresh forces every other fresh too.
   */
  public static MeshState state(Random rnd, DesiredMesh mesh) {
    MeshState converged = MeshFixtures.converged(mesh);
    MeshState fresh = MeshFixtures.fresh(mesh);
    boolean rootFresh = rnd.nextInt(3) == 0;
    SortedMap<String, ControllerObservation> m = new TreeMap<>();
    for (String name : mesh.controllers().keySet()) {
      boolean isRoot = name.equals(mesh.root());
      int kind = rnd.nextInt(5);
      ControllerObservation o;
      if ((isRoot && rootFresh) || (!isRoot && (rootFresh || kind == 0))) {
        o = fresh.controllers().get(name);
      } else if (kind == 1 && !isRoot) {
        o = new ControllerObservation.Unreadable(name, "GET /config: connection refused");
      } else {
        o = new ControllerObservation.Observed(drift(rnd, converged.observed(name).orElseThrow()));
      }
      m.put(name, o);
    }
    return new MeshState(m);
  }

  private static ControllerState drift(Random rnd, ControllerState s) {
    SortedMap<Integer, PeerLink> peers = new TreeMap<>(s.peering().peers());
    peers.keySet().removeIf(id -> !peers.get(id).self() && rnd.nextInt(3) == 0);
    if (rnd.nextInt(4) == 0) {
      peers.put(40, new PeerLink(40, "10.9.9.9", false, 1500, false, false));
    }
    List<LiveRoute> routes = new ArrayList<>();
    for (LiveRoute r : s.routes()) {
      int k = rnd.nextInt(6);
      if (k == 0 && r.editable()) {
        continue;
      }
      routes.add(
          k == 1 && r.editable()
              ? new LiveRoute(r.id(), r.cidr(), r.gateway(), r.iface(), r.advertise(), 3,
                  r.description(), true, true)
              : r);
    }
    if (rnd.nextInt(4) == 0) {
      routes.add(new LiveRoute("99", "172.31.0.0/16", Optional.empty(), Optional.of("eth0"), false,
          0, "meshctl: stale", true, true));
    }
    return MeshFixtures.withRoutes(MeshFixtures.withPeers(s, peers), routes);
  }
}
