package dev.meshctl.simulator.admin;

import dev.meshctl.simulator.FaultConfig;
import dev.meshctl.simulator.SimulatedController;
import dev.meshctl.simulator.Simulator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * The simulator's admin API, on its own listener so it answers while a controller is down or
 * rebooting. Loopback only, no authentication: it is a sandbox's control panel. See
 * docs/simulator.md.
 */
public final class AdminApi {
  private AdminApi() {}

  public static Router router(Vertx vertx, Simulator sim) {
    Router r = Router.router(vertx);
    r.route("/_sim/*").handler(BodyHandler.create().setBodyLimit(64 * 1024));
    r.get("/_sim/controllers").handler(ctx -> {
      JsonArray list = new JsonArray();
      sim.controllers().forEach(c -> list.add(describe(c)));
      json(ctx, 200, new JsonObject().put("controllers", list));
    });
    r.get("/_sim/controllers/:name").handler(ctx -> with(ctx, sim, c -> Future.succeededFuture()));
    r.post("/_sim/controllers/:name/down").handler(ctx -> with(ctx, sim, SimulatedController::down));
    r.post("/_sim/controllers/:name/up").handler(ctx -> with(ctx, sim, SimulatedController::up));
    r.post("/_sim/controllers/:name/reboot").handler(ctx -> with(ctx, sim, SimulatedController::reboot));
    r.post("/_sim/controllers/:name/wipe").handler(ctx -> with(ctx, sim, SimulatedController::wipe));
    r.put("/_sim/controllers/:name/faults").handler(ctx -> with(ctx, sim, c -> {
      c.setFaults(faults(ctx));
      return Future.succeededFuture();
    }));
    r.put("/_sim/faults").handler(ctx -> {
      try {
        FaultConfig f = faults(ctx);
        sim.controllers().forEach(c -> c.setFaults(f));
        json(ctx, 200, new JsonObject().put("faults", toJson(f)));
      } catch (IllegalArgumentException e) {
        json(ctx, 400, new JsonObject().put("error", e.getMessage()));
      }
    });
    r.route("/_sim/*").last().handler(ctx -> json(ctx, 404, new JsonObject().put("error", "no such admin call")));
    return r;
  }

  private static void with(RoutingContext ctx, Simulator sim, Function<SimulatedController, Future<Void>> action) {
    SimulatedController c;
    Future<Void> done;
    try {
      c = sim.controller(ctx.pathParam("name"));
      done = action.apply(c);
    } catch (NoSuchElementException e) {
      json(ctx, 404, new JsonObject().put("error", e.getMessage()));
      return;
    } catch (IllegalArgumentException e) {
      json(ctx, 400, new JsonObject().put("error", e.getMessage()));
      return;
    }
    done.onComplete(res -> {
      if (res.succeeded()) {
        json(ctx, 200, describe(c));
      } else {
        json(ctx, 500, new JsonObject().put("error", String.valueOf(res.cause().getMessage())));
      }
    });
  }

  private static FaultConfig faults(RoutingContext ctx) {
    JsonObject b;
    try {
      b = ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("body must be a JSON object");
    }
    if (b == null) {
      throw new IllegalArgumentException("body must be a JSON object");
    }
    return new FaultConfig(
        b.getDouble("http502", 0.0), b.getDouble("http503", 0.0), b.getDouble("reset", 0.0), b.getDouble("hang", 0.0));
  }

  private static JsonObject toJson(FaultConfig f) {
    return new JsonObject().put("http502", f.http502()).put("http503", f.http503()).put("reset", f.reset()).put("hang", f.hang());
  }

  private static JsonObject describe(SimulatedController c) {
    return new JsonObject()
        .put("name", c.name())
        .put("endpoint", c.endpoint())
        .put("private_ip", c.privateIp())
        .put("public_ip", c.publicIp())
        .put("subnet", c.subnet())
        .put("status", c.status().name().toLowerCase(java.util.Locale.ROOT))
        .put("certificate_sha256", c.certificateSha256())
        .put("requests", new JsonObject().put("reads", c.requestCounts().reads()).put("writes", c.requestCounts().writes()))
        .put("faults", toJson(c.faults()));
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encodePrettily());
  }
}
