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
import java.util.Optional;

/** {@code /routes}: the controller's own routes plus the routes it learned from the mesh. */
final class RoutesApi {
  private RoutesApi() {}

  static void mount(Router r, Appliance a) {
    r.get("/api/routes").handler(guard(ctx -> {
      Guards.licensed(a.data());
      table(ctx, a, Optional.ofNullable(ctx.queryParams().get("table")));
    }));
    r.post("/api/routes").handler(guard(ctx -> {
      ControllerData d = a.data();
      Guards.licensed(d);
      JsonObject body = Replies.body(ctx);
      String cidr = Replies.string(body, "cidr").flatMap(Cidrs::parse)
          .orElseThrow(() -> ApiError.badRequest("Validation failed: cidr is invalid"));
      Optional<String> gateway = Replies.string(body, "gateway").map(String::strip).filter(g -> !g.isEmpty());
      if (gateway.isPresent() && !gateway.get().matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
        throw ApiError.badRequest("Validation failed: gateway is invalid");
      }
      boolean advertise = Replies.bool(body, "advertise", false);
      int metric = Replies.integer(body, "metric").orElse(0);
      if (metric < 0) {
        throw ApiError.badRequest("Validation failed: metric is invalid");
      }
      String iface = Replies.string(body, "interface").filter(i -> !i.isBlank()).orElse(gateway.isPresent() ? "eth0" : "tun0");
      String description = Replies.string(body, "description").orElse("");
      String tbl = Replies.string(body, "table").filter(t -> !t.isBlank()).orElse("main");
      // Real VNS3 has no idempotency key: the same route posted twice is two routes.
      d.addRoute(new RouteEntry(0, cidr, gateway, iface, advertise, metric, description, true, true, tbl));
      a.changed();
      table(ctx, a, Optional.empty());
    }));
    r.delete("/api/routes/:route_id").handler(guard(ctx -> {
      ControllerData d = a.data();
      Guards.licensed(d);
      RouteEntry route = editable(d, ctx.pathParam("route_id"));
      d.routes.remove(route.id());
      a.changed();
      table(ctx, a, Optional.empty());
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

  private static void table(RoutingContext ctx, Appliance a, Optional<String> onlyTable) {
    ControllerData d = a.data();
    a.mesh(MeshScope.ROUTES).onComplete(res -> {
      JsonObject out = new JsonObject();
      d.routes.values().stream()
          .filter(r -> onlyTable.isEmpty() || onlyTable.get().equals(r.table()))
          .forEach(r -> out.put(Integer.toString(r.id()), r.toJson()));
      if (onlyTable.isEmpty() || onlyTable.get().equals("main")) {
        int id = d.nextRouteId + 100_000;
        for (MeshReport.Learned l : (res.succeeded() ? res.result() : MeshReport.EMPTY).learned()) {
          RouteEntry learned = new RouteEntry(
              id++, l.cidr(), Optional.empty(), "tun0", false, 0, "learned from controller " + l.fromId(), true, false, "main");
          out.put(Integer.toString(learned.id()), learned.toJson());
        }
      }
      Replies.ok(ctx, out);
    });
  }
}
