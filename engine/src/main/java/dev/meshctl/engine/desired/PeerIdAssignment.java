package dev.meshctl.engine.desired;

import dev.meshctl.dsl.model.ControllerSpec;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.engine.live.ControllerState;
import dev.meshctl.engine.live.MeshState;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which peer ID each controller of a spec gets. A peer ID is an identity every other controller
 * holds (its peer map is keyed by it), so it must not follow the list: in order,
 *
 * <ol>
 *   <li>an explicit {@code peer_id} wins;
 *   <li>a controller keeps the ID it already has, unless an explicit ID or another controller's
 *       live ID (in name order, so the list's order never matters) took it first;
 *   <li>the root, if it still has none, gets 1 when 1 is free;
 *   <li>every other controller gets the lowest free ID, in list order.
 * </ol>
 *
 * <p>With no live IDs and none explicit, that is the 1-based position with the root first, as a
 * fresh mesh always had. Removing a controller, reordering the list or changing the root then
 * moves no ID. Pure.
 */
public final class PeerIdAssignment {
  private PeerIdAssignment() {}

  /** Each controller's own peer ID as read, by name; controllers without one are absent. */
  public static SortedMap<String, Integer> live(MeshState live) {
    SortedMap<String, Integer> out = new TreeMap<>();
    for (String name : live.controllers().keySet()) {
      live.observed(name)
          .map(ControllerState::peering)
          .flatMap(p -> p.selfId())
          .filter(id -> id > 0)
          .ifPresent(id -> out.put(name, id));
    }
    return out;
  }

  /** The peer ID of every controller of {@code spec}, by name, given their live IDs. */
  public static SortedMap<String, Integer> assign(MeshSpec spec, Map<String, Integer> live) {
    List<ControllerSpec> list = spec.controllers();
    SortedMap<String, Integer> out = new TreeMap<>();
    BitSet used = new BitSet();
    for (ControllerSpec c : list) {
      if (c.peerId().isPresent() && !used.get(c.peerId().getAsInt())) {
        out.put(c.name(), c.peerId().getAsInt());
        used.set(c.peerId().getAsInt());
      }
    }
    List<ControllerSpec> byName = new ArrayList<>(list);
    byName.sort(Comparator.comparing(ControllerSpec::name));
    for (ControllerSpec c : byName) {
      Integer id = live.get(c.name());
      if (!out.containsKey(c.name()) && c.peerId().isEmpty() && id != null && id > 0 && !used.get(id)) {
        out.put(c.name(), id);
        used.set(id);
      }
    }
    String root = spec.rootController().name();
    if (!out.containsKey(root) && !used.get(1)) {
      out.put(root, 1);
      used.set(1);
    }
    for (ControllerSpec c : list) {
      if (!out.containsKey(c.name())) {
        int next = used.nextClearBit(1);
        out.put(c.name(), next);
        used.set(next);
      }
    }
    return out;
  }
}
