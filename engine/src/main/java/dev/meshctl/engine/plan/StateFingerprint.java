package dev.meshctl.engine.plan;

import dev.meshctl.engine.desired.Sha256;
import dev.meshctl.engine.live.ConfigState;
import dev.meshctl.engine.live.ControllerObservation;
import dev.meshctl.engine.live.ControllerState;
import dev.meshctl.engine.live.KeysetState;
import dev.meshctl.engine.live.LicenseState;
import dev.meshctl.engine.live.LiveRoute;
import dev.meshctl.engine.live.MeshState;
import dev.meshctl.engine.live.PeerLink;
import dev.meshctl.engine.live.PeeringState;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A SHA-256 of what was read from a controller, so apply can tell whether a controller changed
 * since the plan was made. It hashes the canonical JSON of {@link ControllerState}: keys sorted,
 * no whitespace, absent values as {@code null}, routes sorted by ID. Nothing secret is read from a
 * controller, so nothing secret is hashed.
 *
 * <p>What changes on its own, with nobody touching the controller, is left out: a link's
 * reachability (the far side answers or not) and the routes the controller owns (learned routes
 * come and go with the links, and their IDs are not stable). Including them would make a saved
 * plan look stale when nothing it acts on changed.
 */
public final class StateFingerprint {
  /** The fingerprint recorded for a controller that could not be read. */
  public static final String UNREADABLE = "unreadable";

  private StateFingerprint() {}

  /** Per controller name, the fingerprint of what was read. */
  public static SortedMap<String, String> of(MeshState state) {
    SortedMap<String, String> out = new TreeMap<>();
    for (Map.Entry<String, ControllerObservation> e : state.controllers().entrySet()) {
      out.put(e.getKey(), of(e.getValue()));
    }
    return out;
  }

  public static String of(ControllerObservation observation) {
    return observation instanceof ControllerObservation.Observed o
        ? Sha256.hex(canonicalJson(o.state()))
        : UNREADABLE;
  }

  /** The canonical JSON text the fingerprint is the hash of. */
  public static String canonicalJson(ControllerState s) {
    return new JsonObject()
        .put("config", config(s.config()))
        .put("controller", s.controller())
        .put("keyset", keyset(s.keyset()))
        .put("license", license(s.license()))
        .put("peering", peering(s.peering()))
        .put("routes", routes(s))
        .encode();
  }

  private static JsonObject config(ConfigState c) {
    return new JsonObject()
        .put("controller_name", opt(c.controllerName()))
        .put("licensed", c.licensed())
        .put("manager_id", opt(c.managerId()))
        .put("private_ip", opt(c.privateIp()))
        .put("public_ip", opt(c.publicIp()))
        .put("topology_checksum", opt(c.topologyChecksum()))
        .put("topology_name", opt(c.topologyName()))
        .put("vns3_version", opt(c.vns3Version()));
  }

  private static JsonObject keyset(KeysetState k) {
    return new JsonObject()
        .put("checksum", opt(k.checksum()))
        .put("in_progress", k.inProgress())
        .put("present", k.present())
        .put("started_at", opt(k.startedAt()));
  }

  private static JsonObject license(LicenseState l) {
    return new JsonObject()
        .put("capacity", opt(l.capacity()))
        .put("finalized", l.finalized())
        .put("parameters_digest", opt(l.parametersDigest()))
        .put("present", l.present());
  }

  private static JsonObject peering(PeeringState p) {
    JsonArray peers = new JsonArray();
    for (PeerLink l : p.peers().values()) {
      peers.add(
          new JsonObject()
              .put("address", l.address())
              .put("id", l.id())
              .put("mtu", l.mtu())
              .put("not_set", l.notSet())
              .put("self", l.self()));
    }
    return new JsonObject().put("peers", peers).put("self_id", opt(p.selfId()));
  }

  private static JsonArray routes(ControllerState s) {
    JsonArray routes = new JsonArray();
    s.routes().stream()
        .filter(LiveRoute::editable)
        .sorted(Comparator.comparing(LiveRoute::id))
        .forEach(
            r ->
                routes.add(
                    new JsonObject()
                        .put("advertise", r.advertise())
                        .put("cidr", r.cidr())
                        .put("description", r.description())
                        .put("editable", r.editable())
                        .put("enabled", r.enabled())
                        .put("gateway", opt(r.gateway()))
                        .put("id", r.id())
                        .put("interface", opt(r.iface()))
                        .put("metric", r.metric())));
    return routes;
  }

  private static Object opt(Optional<?> o) {
    return o.orElse(null);
  }
}
