package dev.meshctl.simulator.net;

import dev.meshctl.simulator.state.ControllerData;
import dev.meshctl.simulator.state.PeerEntry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one controller tells a peer that contacts it over the simulated network ({@code GET
 * /_sim/peer}): enough to decide whether a link between them is up and which routes it
 * advertises. Holds no secrets.
 *
 * @param id its peer ID, if set
 * @param checksum its keyset checksum, if it has a keyset (links need equal keysets)
 * @param peers the peers it was told about: ID to configured address
 * @param advertised the CIDRs of its enabled routes with {@code advertise: true}
 */
public record NodeInfo(
    Optional<Integer> id, Optional<String> checksum, Map<Integer, String> peers, List<String> advertised) {
  public NodeInfo {
    // Sorted by ID: explorations walk peers in this order, which fixes the learned routes' order.
    peers = Collections.unmodifiableMap(new TreeMap<>(peers));
    advertised = List.copyOf(advertised);
  }

  /** What a controller with this configuration tells its peers. */
  public static NodeInfo of(ControllerData d) {
    Map<Integer, String> peers = new TreeMap<>();
    // An unfinalized peering does not negotiate: the peer sees no side from here.
    d.peers.values().stream().filter(PeerEntry::finalized).forEach(p -> peers.put(p.id(), p.address()));
    List<String> adv =
        d.routes.values().stream().filter(r -> r.advertise() && r.enabled()).map(r -> r.cidr()).distinct().toList();
    return new NodeInfo(d.peerId, d.keyset.checksum(), peers, adv);
  }

  public JsonObject toJson() {
    JsonObject p = new JsonObject();
    peers.forEach((k, v) -> p.put(Integer.toString(k), v));
    JsonObject o = new JsonObject().put("peers", p).put("advertised", new JsonArray(advertised));
    id.ifPresent(i -> o.put("id", i));
    checksum.ifPresent(c -> o.put("checksum", c));
    return o;
  }

  public static NodeInfo fromJson(JsonObject o) {
    Map<Integer, String> peers = new TreeMap<>();
    o.getJsonObject("peers", new JsonObject()).forEach(e -> peers.put(Integer.parseInt(e.getKey()), String.valueOf(e.getValue())));
    List<String> adv = o.getJsonArray("advertised", new JsonArray()).stream().map(String::valueOf).toList();
    return new NodeInfo(Optional.ofNullable(o.getInteger("id")), Optional.ofNullable(o.getString("checksum")), peers, adv);
  }
}
