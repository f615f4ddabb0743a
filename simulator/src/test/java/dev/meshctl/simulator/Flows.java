package dev.meshctl.simulator;

import dev.meshctl.simulator.license.SimLicense;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/** The seed flow's steps, over the wire, for tests. */
final class Flows {
  static final Duration LIMIT = Duration.ofSeconds(10);

  private Flows() {}

  static SimulatorConfig config(int n) {
    return SimulatorConfig.sequential(n, "127.0.0.1", 0).withTimings(SimTimings.FAST).withAdminPort(-1);
  }

  /** Uploads the license, accepts default parameters and waits out the reboot. */
  static Future<Void> license(Vertx vertx, Api api, SimLicense license) {
    return api.putText("/license", license.text())
        .compose(r -> expect(r, 200))
        .compose(r -> api.put("/license/parameters", new JsonObject().put("default", true)))
        .compose(r -> expect(r, 200))
        .compose(r -> api.until(vertx, "/config", x -> x.status() == -1, LIMIT))
        .compose(r -> api.until(vertx, "/config", x -> x.status() == 200, LIMIT))
        .mapEmpty();
  }

  /** Generates the keyset and waits until it is present. */
  static Future<JsonObject> generateKeyset(Vertx vertx, Api api, String token) {
    return api.put("/keyset", new JsonObject().put("token", token))
        .compose(r -> expect(r, 200))
        .compose(r -> api.until(vertx, "/keyset", Flows::keysetSettled, LIMIT))
        .map(Api.Reply::response);
  }

  /** Downloads the keyset from {@code source} and waits until the job ends (either way). */
  static Future<JsonObject> downloadKeyset(Vertx vertx, Api api, String source, String token) {
    return api.put("/keyset", new JsonObject().put("source", source).put("token", token))
        .compose(r -> expect(r, 200))
        .compose(r -> api.until(vertx, "/keyset", Flows::keysetSettled, LIMIT))
        .map(Api.Reply::response);
  }

  static boolean keysetSettled(Api.Reply r) {
    return r.status() == 200 && !r.response().getBoolean("in_progress");
  }

  /** Licensed, keyset from the first controller, peer ID {@code id}. */
  static Future<Void> seed(Vertx vertx, Api api, int id, SimLicense license, String token, String root) {
    Future<JsonObject> keyset =
        root == null ? license(vertx, api, license).compose(v -> generateKeyset(vertx, api, token))
            : downloadKeyset(vertx, api, root, token);
    return keyset
        .compose(k -> api.put("/peering/self", new JsonObject().put("id", id)))
        .compose(r -> expect(r, 200))
        .mapEmpty();
  }

  /**
   * Polls {@code path} until {@code done} holds and answers what it saw, one entry per phase (a
   * run of equal answers): the status, "refused" for no connection, "proxy" for 502 or 503, and
   * for a 403 its message.
   */
  static Future<java.util.List<String>> phases(
      Vertx vertx, Api api, String path, java.util.function.Predicate<Api.Reply> done, Duration limit) {
    java.util.List<String> seen = new java.util.ArrayList<>();
    return api.until(
            vertx,
            path,
            r -> {
              String phase =
                  switch (r.status()) {
                    case -1 -> "refused";
                    case 502, 503 -> "proxy";
                    case 403 -> "403 " + r.errorMessage();
                    default -> String.valueOf(r.status());
                  };
              if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(phase)) {
                seen.add(phase);
              }
              return done.test(r);
            },
            limit)
        .map(r -> seen);
  }

  static Future<Api.Reply> expect(Api.Reply r, int status) {
    return r.status() == status
        ? Future.succeededFuture(r)
        : Future.failedFuture("expected " + status + ", got " + r.status() + ": " + r.body());
  }
}
