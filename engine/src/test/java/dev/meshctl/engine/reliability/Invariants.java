package dev.meshctl.engine.reliability;

import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.engine.desired.DesiredController;
import dev.meshctl.engine.desired.MeshExpander;
import dev.meshctl.engine.desired.RouteMarker;
import dev.meshctl.engine.live.ControllerObservation;
import dev.meshctl.engine.live.ControllerState;
import dev.meshctl.engine.live.LiveRoute;
import dev.meshctl.engine.live.MeshState;
import dev.meshctl.engine.live.PeerLink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** What must hold of a mesh after any apply, faulty or not: pure checks over a live read. */
final class Invariants {
  private Invariants() {}

  /** A route's identity for duplicate checks and for "still there". */
  static String key(LiveRoute r) {
    return r.cidr() + " via " + r.gateway().orElse("-") + " on " + r.iface().orElse("-") + " '" + r.description() + "'";
  }

  /** The routes meshctl does not manage, per controller, to check later that none was deleted. */
  static SortedMap<String, SortedSet<String>> unmanaged(MeshState state) {
    SortedMap<String, SortedSet<String>> out = new TreeMap<>();
    for (ControllerObservation o : state.controllers().values()) {
      if (o instanceof ControllerObservation.Observed seen) {
        SortedSet<String> keys = new TreeSet<>();
        for (LiveRoute r : seen.state().routes()) {
          if (!RouteMarker.managed(r)) {
            keys.add(r.cidr() + " '" + r.description() + "'");
          }
        }
        out.put(o.controller(), keys);
      }
    }
    return out;
  }

  /**
   * Every violation in {@code state}: a controller not readable, a duplicate route, an unmanaged
   * route of {@code before} gone, a peer link to another address than the spec's.
   */
  static List<String> check(MeshSpec spec, MeshState state, SortedMap<String, SortedSet<String>> before) {
    List<String> violations = new ArrayList<>();
    Map<Integer, String> addressOf = new HashMap<>();
    for (DesiredController c : MeshExpander.expand(spec, state).controllers().values()) {
      addressOf.put(c.peerId().peerId(), c.privateIp());
    }
    for (ControllerObservation o : state.controllers().values()) {
      if (!(o instanceof ControllerObservation.Observed seen)) {
        violations.add(o.controller() + ": unreadable after a fault-free apply");
        continue;
      }
      ControllerState s = seen.state();
      Set<String> keys = new HashSet<>();
      for (LiveRoute r : s.routes()) {
        if (!keys.add(key(r))) {
          violations.add(s.controller() + ": duplicate route " + key(r));
        }
      }
      SortedSet<String> now = unmanaged(state).getOrDefault(s.controller(), new TreeSet<>());
      for (String kept : before.getOrDefault(s.controller(), new TreeSet<>())) {
        if (!now.contains(kept)) {
          violations.add(s.controller() + ": unmanaged route deleted: " + kept);
        }
      }
      for (PeerLink link : s.peering().peers().values()) {
        String want = addressOf.get(link.id());
        if (!link.self() && !link.notSet() && !link.address().equals(want)) {
          violations.add(
              s.controller() + ": peer " + link.id() + " points at " + link.address() + ", spec says " + want);
        }
      }
    }
    return violations;
  }
}
