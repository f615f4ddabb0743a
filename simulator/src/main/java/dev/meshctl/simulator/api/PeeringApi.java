package dev.meshctl.simulator.api;

import static dev.meshctl.simulator.api.Replies.guard;

import dev.meshctl.simulator.license.Topology;
import dev.meshctl.simulator.net.MeshReport;
import dev.meshctl.simulator.net.MeshScope;
import dev.meshctl.simulator.state.ControllerData;
import dev.meshctl.simulator.state.PeerEntry;
import dev.meshctl.simulator.state.EncodedEntries;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** {@code /peering}: this controller's ID and its one-directional peer entries. */
final class PeeringApi {
  private PeeringApi() {}

  /** The most manager forms one controller keeps: several times a 100-controller license's. */
  private static final int CACHED_MANAGERS = 4096;

  static void mount(Router r, Appliance a) {
    // Per controller: its handlers all run on its context.
    EncodedEntries<Manager> encoded = new EncodedEntries<>(m -> Replies.encode(m.toJson()), CACHED_MANAGERS);
    r.get("/api/peering").handler(guard(ctx -> {
      Guards.licensed(a.data());
      answer(ctx, a, encoded);
    }));
    r.put("/api/peering/self").handler(guard(ctx -> {
      ControllerData d = a.data();
      Guards.licensed(d);
      if (!d.keyset.present()) {
        throw ApiError.prerequisite("Keyset is missing");
      }
      JsonObject body = Replies.body(ctx);
      int id = Replies.integer(body, "id").orElseThrow(() -> ApiError.badRequest("id is invalid"));
      if (id < 1 || id > Guards.capacity(d)) {
        throw ApiError.badRequest("id is invalid");
      }
      boolean force = Replies.bool(body, "force", false);
      if (d.peerId.isPresent() && d.peerId.get() != id && !d.peers.isEmpty() && !force) {
        throw ApiError.badRequest("Controller has peers: remove them or use force to change its ID");
      }
      if (d.peers.containsKey(id)) {
        throw ApiError.badRequest(id + " is already a peer of this controller");
      }
      d.peerId = Optional.of(id);
      a.changed();
      answer(ctx, a, encoded);
    }));
    r.post("/api/peering/peers").handler(guard(ctx -> {
      ControllerData d = a.data();
      Guards.licensed(d);
      if (d.peerId.isEmpty()) {
        throw ApiError.prerequisite("Peering ID must be set first");
      }
      JsonObject body = Replies.body(ctx);
      Object rawId = body.getValue("id");
      int id = Replies.integer(body, "id").orElseThrow(() -> ApiError.badRequest("id is missing"));
      if (id < 1 || id > Guards.capacity(d) || id == d.peerId.get()) {
        throw ApiError.badRequest(rawId + " is an invalid controller id");
      }
      String name = Replies.string(body, "name").map(String::strip).filter(n -> !n.isEmpty())
          .orElseThrow(() -> ApiError.badRequest("name is missing"));
      // No source shows what a second POST for the same ID does; this simulator refuses it (a
      // reading meshctl is safe under: it re-reads the peering before it repeats a POST).
      if (d.peers.containsKey(id)) {
        throw ApiError.badRequest("Peer " + id + " already exists");
      }
      // force means "finalize", default true (OpenAPI CreatePeerRequest; the SDK's
      // post_create_peer sends force: true unless asked to delay).
      boolean finalize = Replies.bool(body, "force", true);
      d.peers.put(id, new PeerEntry(id, name, mtu(body, PeerEntry.DEFAULT_MTU), finalize));
      a.changed();
      answer(ctx, a, encoded);
    }));
    r.put("/api/peering/peers/:peer_id").handler(guard(ctx -> {
      ControllerData d = a.data();
      Guards.licensed(d);
      PeerEntry old = existing(d, ctx.pathParam("peer_id"));
      JsonObject body = Replies.body(ctx);
      String name = Replies.string(body, "name").map(String::strip).filter(n -> !n.isEmpty()).orElse(old.address());
      // The "reconfigure" call that finalizes a peering made with force: false.
      boolean finalize = Replies.bool(body, "force", true) || old.finalized();
      d.peers.put(old.id(), new PeerEntry(old.id(), name, mtu(body, old.mtu()), finalize));
      a.changed();
      answer(ctx, a, encoded);
    }));
    r.delete("/api/peering/peers/:peer_id").handler(guard(ctx -> {
      ControllerData d = a.data();
      Guards.licensed(d);
      PeerEntry old = existing(d, ctx.pathParam("peer_id"));
      d.peers.remove(old.id());
      a.changed();
      answer(ctx, a, encoded);
    }));
  }

  private static PeerEntry existing(ControllerData d, String raw) {
    try {
      PeerEntry p = d.peers.get(Integer.parseInt(raw));
      if (p != null) {
        return p;
      }
    } catch (NumberFormatException e) {
      // reported below, like an unknown ID
    }
    throw ApiError.badRequest(raw + " is invalid as controller id.");
  }

  private static int mtu(JsonObject body, int otherwise) {
    int mtu = Replies.integer(body, "overlay_mtu").orElse(otherwise);
    if (mtu < PeerEntry.MIN_MTU || mtu > PeerEntry.MAX_MTU) {
      throw ApiError.badRequest(
          "overlay_mtu must be between " + PeerEntry.MIN_MTU + " and " + PeerEntry.MAX_MTU);
    }
    return mtu;
  }

  private static void answer(RoutingContext ctx, Appliance a, EncodedEntries<Manager> encoded) {
    ControllerData d = a.data();
    a.mesh(MeshScope.LINKS)
        .onComplete(res -> Replies.ok(ctx, view(d, res.succeeded() ? res.result() : MeshReport.EMPTY, encoded)));
  }

  /**
   * The PeersDetail: every ID the license allows, this controller's and its peers', each with its
   * overlay address (as in the SDK's recorded {@code PeeringStatus}). Byte for byte the encoding
   * of {@code {"peered": ..., "managers": {"1": ..., ...}, "id": ...}}.
   */
  static Buffer view(ControllerData d, MeshReport mesh, EncodedEntries<Manager> encoded) {
    JsonWriter out = new JsonWriter();
    out.name("peered").value(d.peerId.isPresent());
    out.name("managers").open();
    int capacity = Guards.capacity(d);
    Optional<Topology> topology = Guards.topology(d);
    for (int id = 1; id <= capacity; id++) {
      int manager = id;
      Optional<String> overlay = topology.flatMap(t -> t.manager(manager)).map(t -> t.address());
      boolean self = d.peerId.equals(Optional.of(id));
      Optional<PeerEntry> peer = self ? Optional.empty() : Optional.ofNullable(d.peers.get(id));
      boolean reachable = peer.isPresent() && mesh.reachable().contains(id);
      out.name(Integer.toString(id)).raw(encoded.of(new Manager(id, overlay, self, peer, reachable)));
    }
    out.close();
    d.peerId.ifPresent(id -> out.name("id").value(id));
    return out.end();
  }

  /**
   * One entry of the managers map, as a value: the cache key of its encoded form.
   *
   * @param self this controller's own ID
   * @param peer this controller's peer entry for the ID, if any (never for its own ID)
   */
  record Manager(int id, Optional<String> overlay, boolean self, Optional<PeerEntry> peer, boolean reachable) {
    JsonObject toJson() {
      JsonObject m = new JsonObject().put("id", id);
      overlay.ifPresent(address -> m.put("overlay_ipaddress", address));
      if (self) {
        m.put("self", true);
      } else if (peer.isPresent()) {
        PeerEntry p = peer.get();
        m.put("address", p.address()).put("mtu", Integer.toString(p.mtu())).put("reachable", reachable);
      } else {
        m.put("not_set", true);
      }
      return m;
    }
  }
}
