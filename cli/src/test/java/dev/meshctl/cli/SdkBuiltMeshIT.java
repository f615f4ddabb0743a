package dev.meshctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.dsl.load.LoadOptions;
import dev.meshctl.dsl.load.LoadResult;
import dev.meshctl.dsl.load.SpecLoader;
import dev.meshctl.dsl.model.ApiAccess;
import dev.meshctl.dsl.model.ControllerSpec;
import dev.meshctl.dsl.model.Endpoint;
import dev.meshctl.dsl.model.Secret;
import dev.meshctl.dsl.model.TlsSpec;
import dev.meshctl.engine.client.ClientOptions;
import dev.meshctl.engine.client.RetryPolicy;
import dev.meshctl.engine.client.Vns3Client;
import dev.meshctl.engine.client.Vns3Clients;
import dev.meshctl.engine.client.WaitPolicy;
import dev.meshctl.simulator.SimTimings;
import dev.meshctl.simulator.SimulatedController;
import dev.meshctl.simulator.Simulator;
import dev.meshctl.simulator.SimulatorConfig;
import dev.meshctl.simulator.license.SimLicense;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tools mixed: a mesh built the way the vendor's Python SDK builds it (the requests its
 * examples/peering_mesh.py macros send, in their order: names by PUT /config before the license,
 * the keyset, peer IDs, "Peer route to local gateway" routes, peer links, route advertisements
 * with {@code _notset}) is adopted by {@code meshctl import}; the imported spec validates and
 * {@code meshctl diff} on it finds nothing to change. The SDK is not needed: its requests are
 * written out here (see simulator/vendor-sdk/peering_mesh_flow.py to run the SDK itself).
 */
class SdkBuiltMeshIT {
  private static final String PASSWORD = "sdk-built-pw";
  private static final String KEYSET_TOKEN = "sdk-built-keyset-token";
  private static final String TOPOLOGY = "VNS3 Peering Mesh Example";

  @TempDir Path dir;

  @Test
  void aMeshTheSdkBuiltIsImportedAsASpecThatValidatesAndAsksForNoChange() throws Exception {
    Vertx vertx = Vertx.vertx();
    Simulator sim = LocalMesh.await(Simulator.start(vertx,
        SimulatorConfig.sequential(3, "127.0.0.1", 0).withApiPassword(PASSWORD).withAdminPort(-1).withTimings(SimTimings.FAST)));
    WebClient http = WebClient.create(vertx, new WebClientOptions().setTrustAll(true).setVerifyHost(false));
    try {
      List<SimulatedController> controllers = sim.controllers();
      List<String> refused = new SdkFlow(vertx, http, controllers).build(SimLicense.issue(3).text());

      List<String> endpoints = new ArrayList<>();
      for (SimulatedController c : controllers) {
        endpoints.add("--endpoint");
        endpoints.add(c.name() + "=127.0.0.1:" + c.port());
      }
      MeshctlProcess meshctl = new MeshctlProcess(dir, Map.of("SDK_PW", PASSWORD, "SDK_KEYSET", KEYSET_TOKEN, "NO_COLOR", "1"));
      Files.writeString(dir.resolve("license.txt"), SimLicense.issue(3).text());
      List<String> args = new ArrayList<>(List.of("import"));
      args.addAll(endpoints);
      args.addAll(List.of("--password-env", "SDK_PW", "--keyset-token-env", "SDK_KEYSET", "--insecure", "-o", "imported.yaml"));
      CommandRun imported = meshctl.run(args.toArray(String[]::new));
      assertEquals(0, imported.code(), imported::toString);
      String yaml = Files.readString(dir.resolve("imported.yaml"));

      LoadResult loaded = SpecLoader.load(dir.resolve("imported.yaml"),
          new LoadOptions(Map.of("SDK_PW", PASSWORD, "SDK_KEYSET", KEYSET_TOKEN), Optional.empty()));
      assertTrue(loaded.ok(), () -> "the imported spec does not validate: " + loaded.diagnostics() + "\n" + yaml);
      CommandRun diff = meshctl.run("diff", "--detailed-exitcode", "imported.yaml");
      assertEquals(0, diff.code(), () -> diff + "\n--- imported.yaml\n" + yaml);

      assertTrue(yaml.contains("name: " + TOPOLOGY) || yaml.contains("name: \"" + TOPOLOGY + "\""), yaml);
      assertTrue(yaml.contains("mode: full_mesh"), yaml);
      for (SimulatedController c : controllers) {
        // The subnet the SDK advertised for it, not a guess.
        assertTrue(yaml.contains("private_ip: " + c.privateIp() + "\n    subnet: " + c.subnet() + "\n"), yaml);
      }
      assertFalse(yaml.contains(PASSWORD) || yaml.contains(KEYSET_TOKEN), yaml);
      assertEquals(List.of(), refused, "the simulator refused requests the vendor SDK sends to real controllers");
    } finally {
      LocalMesh.await(sim.close());
      LocalMesh.await(vertx.close());
    }
  }

  /**
   * The requests of the SDK's peering_mesh example, as it sends them (cohesivenet/macros/config.py
   * setup_controller and fetch_keysets, peering.py set_peer_ids and peer_mesh, routing.py
   * create_peer_mesh_local_gw_routes and create_route_advertisements, routing_api.py
   * post_create_route). A refused request is noted and the flow goes on, as far as it can.
   */
  private record SdkFlow(Vertx vertx, WebClient http, List<SimulatedController> controllers) {
    List<String> build(String license) throws Exception {
      List<String> refused = new ArrayList<>();
      SimulatedController root = controllers.get(0);
      Vns3Client rootWaits = waits(root);

      // config.setup_controller(root, topology, license, {"default": true}, {"token": ...})
      send(root, HttpMethod.GET, "/config", null, refused);
      send(root, HttpMethod.PUT, "/config", new JsonObject().put("topology_name", TOPOLOGY), refused);
      sendText(root, "/license", license.strip(), refused);
      send(root, HttpMethod.GET, "/license", null, refused);
      send(root, HttpMethod.PUT, "/license/parameters", new JsonObject().put("default", true), refused);
      LocalMesh.await(rootWaits.awaitReboot(Duration.ofSeconds(60)));
      send(root, HttpMethod.GET, "/keyset", null, refused);
      send(root, HttpMethod.PUT, "/keyset", new JsonObject().put("token", KEYSET_TOKEN), refused);
      LocalMesh.await(rootWaits.awaitKeyset(Duration.ofSeconds(60), Optional.empty()));
      send(root, HttpMethod.GET, "/peering", null, refused);
      send(root, HttpMethod.PUT, "/peering/self", new JsonObject().put("id", 1), refused);
      LocalMesh.await(rootWaits.close());

      // config.fetch_keysets(peers, root's private IP, token): one after another
      for (SimulatedController c : controllers.subList(1, controllers.size())) {
        Vns3Client w = waits(c);
        send(c, HttpMethod.PUT, "/keyset", new JsonObject().put("source", root.privateIp()).put("token", KEYSET_TOKEN), refused);
        LocalMesh.await(w.awaitKeyset(Duration.ofSeconds(60), Optional.empty()));
        LocalMesh.await(w.close());
      }
      // peering.set_peer_ids(peers, ids=[2, 3])
      for (int i = 1; i < controllers.size(); i++) {
        send(controllers.get(i), HttpMethod.GET, "/peering", null, refused);
        send(controllers.get(i), HttpMethod.PUT, "/peering/self", new JsonObject().put("id", i + 1), refused);
      }
      // routing.create_peer_mesh_local_gw_routes(clients)
      for (SimulatedController c : controllers) {
        for (SimulatedController peer : controllers) {
          if (peer != c) {
            send(c, HttpMethod.GET, "/routes", null, refused);
            send(c, HttpMethod.POST, "/routes", new JsonObject()
                .put("cidr", peer.privateIp() + "/32").put("description", "Peer route to local gateway")
                .put("interface", "eth0").put("gateway", firstHost(c.subnet())).put("advertise", false), refused);
          }
        }
      }
      // peering.peer_mesh(clients)
      for (int i = 0; i < controllers.size(); i++) {
        for (int j = 0; j < controllers.size(); j++) {
          if (i != j) {
            send(controllers.get(i), HttpMethod.POST, "/peering/peers",
                new JsonObject().put("id", j + 1).put("name", controllers.get(j).privateIp()), refused);
          }
        }
      }
      // routing.create_route_advertisements(clients, subnets): "gateway": "" becomes "_notset",
      // and no interface becomes "_notset" too (routing_api.post_create_route).
      for (SimulatedController c : controllers) {
        send(c, HttpMethod.POST, "/routes", new JsonObject().put("cidr", c.subnet()).put("description", "Local subnet advertisement")
            .put("advertise", true).put("gateway", "_notset").put("interface", "_notset"), refused);
      }
      return refused;
    }

    private void send(SimulatedController c, HttpMethod method, String path, JsonObject body, List<String> refused) throws Exception {
      HttpRequest<Buffer> req = request(c, method, path);
      note(c, method, path, LocalMesh.await(body == null ? req.send() : req.sendJsonObject(body)), refused);
    }

    private void sendText(SimulatedController c, String path, String text, List<String> refused) throws Exception {
      HttpRequest<Buffer> req = request(c, HttpMethod.PUT, path).putHeader("Content-Type", "text/plain");
      note(c, HttpMethod.PUT, path, LocalMesh.await(req.sendBuffer(Buffer.buffer(text))), refused);
    }

    private HttpRequest<Buffer> request(SimulatedController c, HttpMethod method, String path) {
      return http.requestAbs(method, c.endpoint() + "/api" + path).basicAuthentication("api", PASSWORD).timeout(10_000);
    }

    private static void note(SimulatedController c, HttpMethod method, String path, HttpResponse<Buffer> r, List<String> refused) {
      if (r.statusCode() != 200) {
        refused.add(c.name() + " " + method + " " + path + ": " + r.statusCode() + " " + r.bodyAsString());
      }
    }

    /** meshctl's client, only for its waits (the SDK's wait_for_api and wait_for_keyset). */
    private Vns3Client waits(SimulatedController c) {
      ApiAccess api = new ApiAccess("api", Optional.of(Secret.of(PASSWORD)), Optional.empty(),
          new TlsSpec(Optional.empty(), Optional.empty(), true), Duration.ofSeconds(5), Duration.ofSeconds(10));
      ControllerSpec spec = new ControllerSpec(c.name(), new Endpoint("https", "127.0.0.1", c.port()), c.privateIp(), c.subnet(),
          Optional.empty(), Optional.empty(), java.util.OptionalInt.empty(), Optional.empty(), api, List.of());
      ClientOptions options = new ClientOptions(
          new RetryPolicy(10, Duration.ofMillis(20), Duration.ofMillis(200), 0.5, () -> new Random(7)),
          new WaitPolicy(Duration.ofMillis(20), 2, Duration.ofSeconds(2), Duration.ofSeconds(1)));
      return Vns3Clients.create(vertx, spec, options);
    }

    /** network_math.get_default_gateway: the subnet's first address. */
    private static String firstHost(String subnet) {
      String[] parts = subnet.substring(0, subnet.indexOf('/')).split("\\.");
      return parts[0] + "." + parts[1] + "." + parts[2] + "." + (Integer.parseInt(parts[3]) + 1);
    }
  }
}
