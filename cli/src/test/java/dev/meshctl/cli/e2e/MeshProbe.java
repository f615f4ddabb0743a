package dev.meshctl.cli.e2e;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Asks each controller, over its VNS3 API, whether the mesh routes: every other controller is a
 * reachable peer and every other controller's subnet is in its route table. Independent of
 * meshctl's own verification, so a meshctl that merely claims success is caught.
 */
final class MeshProbe implements AutoCloseable {
  private final WebClient client;

  MeshProbe(Vertx vertx) {
    // The simulated controllers' certificates are self-signed, as on a fresh VNS3 controller.
    this.client = WebClient.create(vertx, new WebClientOptions().setSsl(true).setTrustAll(true).setVerifyHost(false));
  }

  /** The problems found, one line each; empty when the mesh routes. */
  List<String> problems(List<SimulatedControllers.Placement> controllers) {
    List<String> problems = new ArrayList<>();
    for (SimulatedControllers.Placement c : controllers) {
      get(c, "/api/peering", problems).ifPresent(peering -> checkPeers(c, controllers.size() - 1, peering, problems));
      get(c, "/api/routes", problems).ifPresent(routes -> checkRoutes(c, controllers, routes, problems));
    }
    return problems;
  }

  private static void checkPeers(
      SimulatedControllers.Placement c, int peers, JsonObject peering, List<String> problems) {
    JsonObject managers = peering.getJsonObject("managers", new JsonObject());
    int reachable = 0;
    for (String id : managers.fieldNames()) {
      JsonObject m = managers.getJsonObject(id);
      if (!m.getBoolean("self", false) && m.getBoolean("reachable", false)) {
        reachable++;
      }
    }
    if (reachable != peers) {
      problems.add(c.name() + ": " + reachable + " reachable peers of " + peers + ": " + managers.encode());
    }
  }

  private static void checkRoutes(
      SimulatedControllers.Placement c,
      List<SimulatedControllers.Placement> controllers,
      JsonObject routes,
      List<String> problems) {
    Set<String> cidrs = new TreeSet<>();
    for (String id : routes.fieldNames()) {
      cidrs.add(routes.getJsonObject(id).getString("cidr", ""));
    }
    for (SimulatedControllers.Placement other : controllers) {
      if (!other.name().equals(c.name()) && !cidrs.contains(other.subnet())) {
        problems.add(c.name() + ": no route to " + other.name() + "'s subnet " + other.subnet() + " in " + cidrs);
      }
    }
  }

  private Optional<JsonObject> get(SimulatedControllers.Placement c, String path, List<String> problems) {
    HttpResponse<Buffer> r =
        client
            .get(c.port(), c.bindHost(), path)
            .ssl(true)
            .putHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(("api:" + c.password()).getBytes(StandardCharsets.UTF_8)))
            .timeout(10_000)
            .send()
            .await();
    if (r.statusCode() != 200) {
      problems.add(c.name() + ": GET " + path + " answered " + r.statusCode() + ": " + r.bodyAsString());
      return Optional.empty();
    }
    return Optional.of(r.bodyAsJsonObject().getJsonObject("response", new JsonObject()));
  }

  @Override
  public void close() {
    client.close();
  }
}
