package dev.meshctl.engine.reconcile;

import dev.meshctl.dsl.load.LoadOptions;
import dev.meshctl.dsl.load.LoadResult;
import dev.meshctl.engine.client.ClientOptions;
import dev.meshctl.engine.client.Vns3Client;
import dev.meshctl.engine.lock.LockSettings;
import dev.meshctl.engine.testing.SimulatedMeshes;
import dev.meshctl.simulator.SimTimings;
import dev.meshctl.simulator.SimulatedController;
import dev.meshctl.simulator.Simulator;
import dev.meshctl.simulator.license.SimLicense;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Simulated controllers on loopback, a mesh.yaml on disk that describes them (so the loop reads
 * and watches a real file), and a reconciler over both that records every report.
 */
final class ReconcileMesh implements AutoCloseable {
  static final String PASSWORD = "sim-api-pw-7";
  static final String TOKEN = "keyset-token-secret-7";

  /** Client waits sized for simulated controllers. */
  static final ClientOptions SIM_CLIENTS = SimulatedMeshes.simulatedClients(3, Duration.ofMillis(100), 3);

  final Vertx vertx;
  final Simulator sim;
  final Path dir;
  final Path specFile;
  final FileSpecSource source;
  final ClientPool pool;
  final List<TickReport> reports = new CopyOnWriteArrayList<>();
  final List<ActionEvent> actions = new CopyOnWriteArrayList<>();
  private final int n;
  private final Map<String, String> env;

  private ReconcileMesh(Vertx vertx, Simulator sim, Path dir, int n, ClientOptions clients) {
    this.vertx = vertx;
    this.sim = sim;
    this.dir = dir;
    this.n = n;
    this.specFile = dir.resolve("mesh.yaml");
    this.env = Map.of("SIM_PASSWORD", PASSWORD, "KEYSET_TOKEN", TOKEN);
    this.source = new FileSpecSource(vertx, specFile, LoadOptions.defaults().withEnv(env));
    this.pool = new ClientPool(vertx, clients);
  }

  static ReconcileMesh start(Vertx vertx, int n, SimTimings timings, Path dir) throws Exception {
    return start(vertx, n, timings, dir, SIM_CLIENTS);
  }

  static ReconcileMesh start(Vertx vertx, int n, SimTimings timings, Path dir, ClientOptions clients)
      throws Exception {
    Simulator sim = await(Simulator.start(vertx, SimulatedMeshes.config(n, timings, PASSWORD)));
    ReconcileMesh mesh = new ReconcileMesh(vertx, sim, dir, n, clients);
    Files.writeString(dir.resolve("license.txt"), SimLicense.issue(n).text(), StandardCharsets.UTF_8);
    mesh.writeSpec(Function.identity());
    LoadResult first = mesh.source.loadInitial();
    if (!first.ok()) {
      throw new IllegalStateException("test spec is invalid: " + first.diagnostics());
    }
    return mesh;
  }

  /** Writes mesh.yaml; {@code edit} may change each controller's YAML block. */
  void writeSpec(Function<String, String> edit) throws Exception {
    StringBuilder y = new StringBuilder();
    y.append("apiVersion: meshctl/v1\nkind: Mesh\nmetadata:\n  name: sim-topology\n");
    y.append("defaults:\n  api:\n    username: api\n    password: ${env:SIM_PASSWORD}\n");
    y.append("    connect_timeout: 1s\n    request_timeout: 2s\n    tls: {allow_plain_http: true}\n");
    y.append("license:\n  file: ./license.txt\n  parameters: {default: true}\n");
    y.append("keyset:\n  token: ${env:KEYSET_TOKEN}\n");
    y.append("root: ctl1\ncontrollers:\n");
    for (SimulatedController c : sim.controllers()) {
      String block =
          "  - name: " + c.name() + "\n"
              + "    endpoint: http://127.0.0.1:" + c.port() + "\n"
              + "    private_ip: " + c.privateIp() + "\n"
              + "    subnet: " + c.subnet() + "\n"
              // The advertisement spelled out as an extra route, so a test can edit it.
              + "    routes:\n"
              + "      - {cidr: " + c.subnet() + ", interface: tun0, advertise: true, description: advertise subnet}\n";
      y.append(edit.apply(block));
    }
    y.append("peering: {mode: full_mesh, address: private_ip, overlay_mtu: 1500}\n");
    y.append("routes: {peer_routes: true, advertise_subnets: false}\n");
    y.append("execution: {parallelism: 16, reboot_timeout: 20s, keyset_timeout: 20s}\n");
    Path tmp = dir.resolve("mesh.yaml.tmp");
    Files.writeString(tmp, y.toString(), StandardCharsets.UTF_8);
    // Atomic replace: the loop never reads half a file.
    Files.move(tmp, specFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** Rewrites mesh.yaml as a whole (atomically). */
  void rewrite(java.util.function.UnaryOperator<String> edit) throws Exception {
    Path tmp = dir.resolve("mesh.yaml.tmp");
    Files.writeString(tmp, edit.apply(Files.readString(specFile)), StandardCharsets.UTF_8);
    Files.move(tmp, specFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  void writeRaw(String text) throws Exception {
    Files.writeString(specFile, text, StandardCharsets.UTF_8);
  }

  ReconcileOptions options(Duration interval) {
    return ReconcileOptions.defaults(interval, "reconcile-test@host:1")
        .withJitter(0.2)
        .withBackoff(new BackoffPolicy(Duration.ofMillis(300), Duration.ofSeconds(2)))
        .withLock(true, new LockSettings(Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofMillis(50)));
  }

  Reconciler reconciler(ReconcileOptions options) {
    return new Reconciler(
        vertx,
        source,
        pool,
        options,
        new ReconcileListener() {
          @Override
          public void action(ActionEvent event) {
            actions.add(event);
          }

          @Override
          public void tick(TickReport report) {
            reports.add(report);
          }
        });
  }

  /** A client of controller {@code name} outside the loop, for setting up drift by hand. */
  Vns3Client client(String name) {
    return pool.sync(source.poll().toCompletionStage().toCompletableFuture().join().spec()).get(name);
  }

  SimulatedController controller(String name) {
    return sim.controller(name);
  }

  long writes(String name) {
    return sim.controller(name).requestCounts().writes();
  }

  long requests(String name) {
    var c = sim.controller(name).requestCounts();
    return c.reads() + c.writes();
  }

  List<String> names() {
    List<String> out = new ArrayList<>();
    sim.controllers().forEach(c -> out.add(c.name()));
    return out;
  }

  int size() {
    return n;
  }

  static <T> T await(Future<T> f) throws Exception {
    return SimulatedMeshes.await(f);
  }

  @Override
  public void close() throws Exception {
    await(pool.close());
    await(sim.close());
  }
}
