package dev.meshctl.engine.pipeline;

import dev.meshctl.engine.desired.DesiredController;
import dev.meshctl.engine.desired.DesiredKeyset;
import dev.meshctl.engine.desired.DesiredMesh;
import dev.meshctl.engine.live.ControllerState;
import dev.meshctl.engine.live.KeysetState;
import dev.meshctl.engine.live.MeshState;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where controllers fetch the topology's keyset from when the root cannot give it: the root was
 * replaced by a fresh instance (no keyset), or it cannot be read. Then any controller that holds
 * the topology's keyset is the source, and the root itself fetches from it, instead of generating
 * a new keyset, which would split the topology. The keyset download also brings the license, so
 * a replaced root gets no license upload.
 *
 * <p>Pure: a function of the desired mesh and one read of the live state.
 */
public final class KeysetSource {
  private KeysetSource() {}

  /**
   * The controller to fetch keysets from instead of the root, if the root cannot give one and
   * another controller can. Among several holders the keyset most of them share wins (a holder
   * with another checksum is in another topology); ties go to the first name.
   */
  public static Optional<String> choose(DesiredMesh want, MeshState live) {
    Optional<ControllerState> root = live.observed(want.root());
    if (root.isPresent() && (root.get().keyset().present() || root.get().keyset().inProgress())) {
      return Optional.empty();
    }
    SortedMap<String, String> holders = new TreeMap<>();
    for (String name : want.controllers().keySet()) {
      if (name.equals(want.root())) {
        continue;
      }
      live.observed(name)
          .map(ControllerState::keyset)
          .filter(KeysetState::present)
          .flatMap(KeysetState::checksum)
          .ifPresent(sum -> holders.put(name, sum));
    }
    Map<String, Integer> votes = new HashMap<>();
    holders.values().forEach(sum -> votes.merge(sum, 1, Integer::sum));
    return holders.entrySet().stream()
        .min(
            Comparator.<Map.Entry<String, String>>comparingInt(e -> -votes.get(e.getValue()))
                .thenComparing(Map.Entry::getKey))
        .map(Map.Entry::getKey);
  }

  /**
   * The desired mesh with every keyset fetched from {@code source}, which then stands in for the
   * root when keysets are compared. The root loses its license resource: the download licenses it.
   */
  public static DesiredMesh from(DesiredMesh want, String source) {
    DesiredController src = want.controller(source).orElseThrow();
    SortedMap<String, DesiredController> controllers = new TreeMap<>();
    for (DesiredController c : want.controllers().values()) {
      if (c.name().equals(source)) {
        controllers.put(c.name(), c);
        continue;
      }
      DesiredKeyset fetched =
          new DesiredKeyset(c.keyset().address(), Optional.of(source), Optional.of(src.privateIp()));
      controllers.put(
          c.name(),
          new DesiredController(
              c.name(),
              c.privateIp(),
              c.names(),
              Optional.empty(),
              fetched,
              c.peerId(),
              c.peers(),
              c.routes()));
    }
    return new DesiredMesh(want.topology(), source, controllers);
  }
}
