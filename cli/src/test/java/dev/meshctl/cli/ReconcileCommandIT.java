package dev.meshctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.simulator.SimTimings;
import dev.meshctl.simulator.SimulatedController;
import dev.meshctl.simulator.Simulator;
import dev.meshctl.simulator.SimulatorConfig;
import dev.meshctl.simulator.license.SimLicense;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code meshctl reconcile} end to end against simulated controllers, through {@link Main#run}. */
class ReconcileCommandIT {
  private static final String PASSWORD = "reconcile-cli-pw-5";
  private static final String TOKEN = "reconcile-cli-token-5";

  @TempDir Path dir;
  private Vertx vertx;
  private Simulator sim;
  private Path spec;
  private String license;

  record Run(int code, String out, String err) {}

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    sim =
        await(
            Simulator.start(
                vertx,
                SimulatorConfig.sequential(3, "127.0.0.1", 0)
                    .withTls(false)
                    .withApiPassword(PASSWORD)
                    .withTimings(SimTimings.FAST)
                    .withAdminPort(-1)));
    license = SimLicense.issue(3).text();
    Files.writeString(dir.resolve("license.txt"), license);
    Files.writeString(dir.resolve("password"), PASSWORD + "\n");
    Files.writeString(dir.resolve("token"), TOKEN + "\n");
    StringBuilder y = new StringBuilder();
    y.append("apiVersion: meshctl/v1\nkind: Mesh\nmetadata: {name: cli-mesh}\n");
    y.append("defaults:\n  api: {username: api, password: '${file:password}', connect_timeout: 1s, request_timeout: 2s, tls: {allow_plain_http: true}}\n");
    y.append("license: {file: ./license.txt, parameters: {default: true}}\n");
    y.append("keyset: {token: '${file:token}'}\nroot: ctl1\ncontrollers:\n");
    for (SimulatedController c : sim.controllers()) {
      y.append("  - {name: ").append(c.name()).append(", endpoint: 'http://127.0.0.1:").append(c.port())
          .append("', private_ip: ").append(c.privateIp()).append(", subnet: ").append(c.subnet())
          .append(", routes: [{cidr: ").append(c.subnet()).append(", interface: tun0, advertise: true}]}\n");
    }
    y.append("peering: {mode: full_mesh, address: private_ip}\n");
    y.append("routes: {peer_routes: true, advertise_subnets: false}\n");
    y.append("execution: {parallelism: 8, reboot_timeout: 20s, keyset_timeout: 20s}\n");
    spec = dir.resolve("mesh.yaml");
    Files.writeString(spec, y.toString());
  }

  @AfterEach
  void stop() throws Exception {
    await(sim.close());
    await(vertx.close());
  }

  @Test
  void ticksUntilConvergedWithJsonLogsThatHoldNoSecret() {
    Run r = run("reconcile", spec.toString(), "--waits", "simulated", "--interval", "200ms", "--ticks", "4", "--log-format", "json");
    assertEquals(0, r.code(), r.err() + r.out());
    List<JsonObject> lines = new ArrayList<>();
    r.out().lines().forEach(l -> lines.add(new JsonObject(l)));
    assertTrue(lines.stream().anyMatch(o -> "action".equals(o.getString("event")) && "fetch_keyset".equals(o.getString("action"))));
    List<JsonObject> ticks = lines.stream().filter(o -> "tick".equals(o.getString("event"))).toList();
    assertEquals(4, ticks.size());
    assertEquals("in_sync", ticks.get(3).getString("outcome"), ticks.get(3).encode());
    assertNoSecret(r);
  }

  @Test
  void onceRepairsAPeerDeletedByHandAndDryRunOnlyReports() throws Exception {
    assertEquals(0, run("reconcile", spec.toString(), "--waits", "simulated", "--interval", "200ms", "--ticks", "3").code());
    deletePeer("ctl2", 3);

    Run dry = run("reconcile", spec.toString(), "--waits", "simulated", "--once", "--dry-run");
    assertEquals(ExitCodes.CHANGES, dry.code(), dry.err() + dry.out());
    assertTrue(dry.out().contains("outcome=drifting dry_run=true"), dry.out());
    assertTrue(dry.out().contains("found=peer:1"), dry.out());
    // A dry run runs no action, so its tick line names what it found.
    assertTrue(dry.out().contains("found_at=\"create controller[\\\"ctl2\\\"].peer[3]\""), dry.out());

    Run once = run("reconcile", spec.toString(), "--waits", "simulated", "--once");
    assertTrue(once.out().contains("action=create_peer address=controller[\"ctl2\"].peer[3] status=succeeded"), once.out());
    assertTrue(once.out().contains("repaired=peer:1"), once.out());
    assertNoSecret(once);
  }

  @Test
  void servesHealthAndPrometheusMetricsWhileRunning() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String[] args = {"reconcile", spec.toString(), "--waits", "simulated", "--interval", "200ms", "--ticks", "8", "--listen", "127.0.0.1:" + port};
    CompletableFuture<Run> running = CompletableFuture.supplyAsync(() -> run(args));
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> health = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      try {
        health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200 && new JsonObject(health.body()).getBoolean("converged")) {
          break;
        }
      } catch (java.io.IOException notYet) {
        // The server starts after the spec is loaded.
      }
      Thread.sleep(50);
    }
    assertEquals(200, health.statusCode(), health.body());
    JsonObject body = new JsonObject(health.body());
    assertEquals("ok", body.getString("status"));
    assertTrue(body.getJsonObject("controllers").getJsonObject("ctl2").getBoolean("reachable"));
    String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
    for (String name :
        List.of(
            "meshctl_reconcile_ticks_total{outcome=",
            "meshctl_drift_found_total{kind=\"peer\"}",
            "meshctl_drift_repaired_total{kind=\"keyset\"}",
            "meshctl_irreversible_problems{controller=\"ctl1\"} 0",
            "meshctl_controller_reachable{controller=\"ctl3\"} 1",
            "meshctl_controller_backoff_seconds{controller=\"ctl2\"} 0",
            "meshctl_apply_duration_seconds_count",
            "meshctl_last_convergence_timestamp_seconds")) {
      assertTrue(metrics.contains(name), () -> name + " missing from\n" + metrics);
    }
    assertFalse(metrics.contains("meshctl_last_convergence_timestamp_seconds 0.0"), "a converged mesh has a convergence time");
    Run done = running.get(120, TimeUnit.SECONDS);
    assertEquals(0, done.code(), done.err());
    assertTrue(done.err().contains("serving /healthz and /metrics on http://127.0.0.1:" + port), done.err());
  }

  @Test
  void anInvalidSpecIsAClearMessageAndExitOne() throws Exception {
    Files.writeString(spec, "apiVersion: meshctl/v1\nkind: Mesh\ncontrollers: 3\n");
    Run r = run("reconcile", spec.toString(), "--once");
    assertEquals(1, r.code());
    assertTrue(r.err().contains(spec + ":"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void badOptionsAreRefusedBeforeAnythingRuns() {
    Run r = run("reconcile", spec.toString(), "--log-format", "xml");
    assertEquals(1, r.code());
    assertEquals("meshctl: error: --log-format must be text or json, not 'xml'\n", r.err());
    Run l = run("reconcile", spec.toString(), "--listen", "nowhere");
    assertEquals(1, l.code());
    assertTrue(l.err().contains("--listen must be HOST:PORT"), l.err());
  }

  private void deletePeer(String controller, int peer) throws Exception {
    SimulatedController c = sim.controller(controller);
    var client = io.vertx.ext.web.client.WebClient.create(vertx);
    try {
      var resp =
          await(
              client
                  .deleteAbs(c.endpoint() + "/api/peering/peers/" + peer)
                  .basicAuthentication("api", PASSWORD)
                  .send());
      assertEquals(200, resp.statusCode(), resp.bodyAsString());
    } finally {
      client.close();
    }
  }

  private void assertNoSecret(Run r) {
    for (String secret : List.of(PASSWORD, TOKEN)) {
      assertFalse(r.out().contains(secret) || r.err().contains(secret), "secret in output");
    }
    license.lines().filter(l -> l.strip().length() >= 12).forEach(l -> assertFalse(r.out().contains(l.strip()), "license text in output"));
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
