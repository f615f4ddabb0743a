package dev.meshctl.engine.diff;

import dev.meshctl.engine.address.ResourceKind;
import dev.meshctl.engine.desired.DesiredController;
import dev.meshctl.engine.desired.DesiredMesh;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Peers the spec's controllers link to that are no controller of the spec: most often a controller
 * removed from the list. The plan deletes the links to it (the spec owns each listed controller's
 * whole peer map); the controller itself is not the spec's, so meshctl neither reads nor changes
 * it, and says so, with what it still holds and where cleaning it is described.
 */
final class DepartedPeers {
  /** Where the documentation tells how to clean a controller left out of the spec. */
  static final String CLEAN_UP =
      "to clean it, see \"A controller removed from the spec\" in docs/troubleshooting.md";

  private DepartedPeers() {}

  /**
   * @param liveIds the spec's controllers' live peer IDs: a link deleted because its controller's
   *     ID moves is not to a departed controller
   */
  static void check(DesiredMesh want, Collection<Integer> liveIds, DiffCollector out) {
    Set<Integer> specIds = new HashSet<>(liveIds);
    for (DesiredController c : want.controllers().values()) {
      specIds.add(c.peerId().peerId());
    }
    // Peer ID -> (controller deleting its link -> the address it had for the peer).
    SortedMap<Integer, SortedMap<String, String>> departed = new TreeMap<>();
    for (Change c : out.changes()) {
      if (c.action() == Action.DELETE
          && c.address().kind() == ResourceKind.PEER
          && !specIds.contains(c.address().peerKey())) {
        String address =
            c.fields().stream()
                .filter(f -> f.name().equals("name"))
                .flatMap(f -> f.before().stream())
                .map(String::valueOf)
                .findFirst()
                .orElse("");
        departed.computeIfAbsent(c.address().peerKey(), k -> new TreeMap<>()).put(c.address().controller(), address);
      }
    }
    departed.forEach(
        (id, from) -> {
          String address = from.values().stream().filter(a -> !a.isBlank()).findFirst().orElse("address unknown");
          List<String> peers = new ArrayList<>();
          from.keySet().forEach(name -> peers.add(name + " (" + idOf(want, name) + ")"));
          // No path: the peer is no resource of the spec, and the message names it.
          out.warn(
              "",
              "the controller with peer ID " + id + " (" + address + ") is not in the spec: "
                  + String.join(", ", from.keySet()) + (from.size() == 1 ? " deletes its link" : " delete their links")
                  + " to it, and meshctl's routes to it. That controller itself is left alone: meshctl does not read"
                  + " or change a controller the spec does not list. If it was removed from the mesh it still holds"
                  + " its license, keyset and peer ID " + id + ", its own links to "
                  + peers.stream().collect(Collectors.joining(", "))
                  + " (they show as unreachable there) and its routes to them",
              CLEAN_UP);
        });
  }

  private static int idOf(DesiredMesh want, String controller) {
    return want.controller(controller).map(c -> c.peerId().peerId()).orElse(0);
  }
}
