package dev.meshctl.engine.desired;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Everything one controller must have, expanded from the spec.
 *
 * @param name the controller's name in the spec
 * @param privateIp its private IP, where peers' routes lead and (for the root) keysets come from
 * @param license the license, on the root only
 * @param peers its peer map by peer ID; the spec owns the whole map
 * @param routes its managed routes, sorted by address then identity
 */
public record DesiredController(
    String name,
    String privateIp,
    DesiredNames names,
    Optional<DesiredLicense> license,
    DesiredKeyset keyset,
    DesiredPeerId peerId,
    SortedMap<Integer, DesiredPeer> peers,
    List<DesiredRoute> routes) {

  public boolean root() {
    return keyset.generated();
  }

  /** Every resource of this controller, in address order. */
  public List<DesiredResource> resources() {
    List<DesiredResource> all = new ArrayList<>(4 + peers.size() + routes.size());
    license.ifPresent(all::add);
    all.add(keyset);
    all.add(names);
    all.add(peerId);
    all.addAll(peers.values());
    all.addAll(routes);
    return Collections.unmodifiableList(all);
  }
}
