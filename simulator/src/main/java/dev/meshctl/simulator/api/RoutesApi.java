package dev.meshctl.simulator.api;

import static dev.meshctl.simulator.api.Replies.guard;

import dev.meshctl.simulator.net.MeshReport;
import dev.meshctl.simulator.net.MeshScope;
import dev.meshctl.simulator.state.Cidrs;
import dev.meshctl.simulator.state.ControllerData;
import dev.meshctl.simulator.state.RouteEntry;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import dev.meshctl.simulator.state.EncodedEntries;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@code /routes}: the controller's own routes plus the routes it learned from the mesh. */
final class RoutesApi {
  private RoutesApi() {}

  /** {@code {"id":}: a route's wire form starts with its ID, the rest is cached apart from it. */
  private static final byte[] ID_FIELD = "{\"id\":".getBytes(StandardCharsets.US_ASCII);

  /** The most route forms one controller keeps: a 100-controller mesh's table and more. */
  private static final int CACHED_ROUTES = 4096;

  static void mount(Router r, Appliance a) {
    // Per controller: its handlers all run on its context. Learned routes are numbered after the
    // controller's own, so their IDs move with every route added: the cache key leaves the ID out.
    EncodedEntries<RouteEntry> encoded = new EncodedEntries<>(RoutesApi::withoutId, CACHED_ROUTES);
    r.get("/api/routes").handler(guard(ctx -> {
      Guards.licensed(a.data());
      table(ctx, a, encoded, Optional.ofNullable(ctx.queryParams().get("table")));
    }));
    r.post("/api/routes").handler(guard(ctx -> {
      ControllerData d = a.data();
      Guards.licensed(d);
      JsonObject body = Replies.body(ctx);
      String cidr = Replies.string(body, "cidr").flatMap(Cidrs::parse)
          .orElseThrow(() -> ApiError.badRequest("Validation failed: cidr is invalid"));
      // "_notset" is the vendor's "none": its SDK sends it for a missing gateway and interface
      // (routing_api.py, post_create_route), and real tables report "interface": "_notset" and
      // no gateway for an advertisement (SDK tests/vns3/stub_data.py, RoutesResponse).
      Optional<String> gateway = Replies.string(body, "gateway").map(String::strip).filter(g -> !g.isEmpty() && !g.equals(RouteEntry.NOT_SET));
      if (gateway.isPresent() && !gateway.get().matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
        throw ApiError.badRequest("Validation failed: gateway is invalid");
      }
      boolean advertise = Replies.bool(body, "advertise", false);
      int metric = Replies.integer(body, "metric").orElse(0);
      if (metric < 0) {
        throw ApiError.badRequest("Validation failed: metric is invalid");
      }
      // The OpenAPI document (CreateRouteRequest.tunnel) asks for a tunnel or an interface, and
      // the SDK fills in "_notset" exactly when neither is given. The simulator has no GRE
      // tunnels, so a tunnel is a bad tunnel ID (the document's own example message), and a route
      // with neither is refused.
      if (body.getValue("tunnel") != null) {
        throw ApiError.badRequest("Validation failed: Ipsec tunnel bad tunnel ID");
      }
      String iface = Replies.string(body, "interface").map(String::strip).filter(i -> !i.isEmpty())
          .orElseThrow(() -> ApiError.badRequest("Validation failed: interface or tunnel is required"));
      String description = Replies.string(body, "description").orElse("");
      String tbl = Replies.string(body, "table").filter(t -> !t.isBlank()).orElse("main");
      // Real VNS3 has no idempotency key: the same route posted twice is two routes.
      d.addRoute(new RouteEntry(0, cidr, gateway, iface, advertise, metric, description, true, true, tbl));
      a.changed();
      table(ctx, a, encoded, Optional.empty());
    }));
    r.delete("/api/routes/:route_id").handler(guard(ctx -> {
      ControllerData d = a.data();
      Guards.licensed(d);
      RouteEntry route = editable(d, ctx.pathParam("route_id"));
      d.routes.remove(route.id());
      a.changed();
      table(ctx, a, encoded, Optional.empty());
    }));
    r.put("/api/routes/:route_id/enable").handler(guard(ctx -> toggle(ctx, a, true)));
    r.put("/api/routes/:route_id/disable").handler(guard(ctx -> toggle(ctx, a, false)));
  }

  private static void toggle(RoutingContext ctx, Appliance a, boolean on) {
    ControllerData d = a.data();
    Guards.licensed(d);
    RouteEntry route = editable(d, ctx.pathParam("route_id")).withEnabled(on);
    d.routes.put(route.id(), route);
    a.changed();
    Replies.ok(ctx, route.toJson());
  }

  private static RouteEntry editable(ControllerData d, String raw) {
    try {
      RouteEntry r = d.routes.get(Integer.parseInt(raw));
      if (r != null && r.editable()) {
        return r;
      }
    } catch (NumberFormatException e) {
      // reported below, like an unknown ID
    }
    throw ApiError.badRequest("bad route id or route not found");
  }

  /**
   * The table as a real controller answers it: a map keyed by position (1, 2, ...), each entry
   * carrying its own {@code id}. Ids are never reused, so once a route is deleted the two part
   * ways, as in the SDK's recorded answer (key "2" holds id 3, key "4" holds id 8).
   */
  private static void table(
      RoutingContext ctx, Appliance a, EncodedEntries<RouteEntry> encoded, Optional<String> onlyTable) {
    ControllerData d = a.data();
    a.mesh(MeshScope.ROUTES).onComplete(res -> {
      List<RouteEntry> rows = new ArrayList<>();
      for (RouteEntry r : d.routes.values()) {
        if (onlyTable.isEmpty() || onlyTable.get().equals(r.table())) {
          rows.add(r);
        }
      }
      if (onlyTable.isEmpty() || onlyTable.get().equals("main")) {
        int id = d.nextRouteId + 100_000;
        for (MeshReport.Learned l : (res.succeeded() ? res.result() : MeshReport.EMPTY).learned()) {
          rows.add(new RouteEntry(
              id++, l.cidr(), Optional.empty(), "tun0", false, 0, "learned from controller " + l.fromId(), true, false, "main"));
        }
      }
      Replies.ok(ctx, encode(rows, encoded));
    });
  }

  /**
   * The table's wire form, keyed by position from 1, byte for byte what encoding {@link
   * RouteEntry#toJson()} of each row into one object gives.
   */
  static Buffer encode(List<RouteEntry> rows, EncodedEntries<RouteEntry> encoded) {
    JsonWriter out = new JsonWriter();
    int position = 1;
    for (RouteEntry r : rows) {
      out.name(Integer.toString(position++)).raw(ID_FIELD).value(r.id()).raw(encoded.of(r.withId(0)));
    }
    return out.end();
  }

  /** A route's wire form after its ID: {@code ,"cidr":...}}. */
  static byte[] withoutId(RouteEntry idZero) {
    byte[] whole = Replies.encode(idZero.toJson());
    return Arrays.copyOfRange(whole, ID_FIELD.length + 1, whole.length);
  }
}
