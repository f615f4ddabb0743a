package dev.meshctl.cli;

import dev.meshctl.dsl.load.LoadOptions;
import dev.meshctl.dsl.load.LoadResult;
import dev.meshctl.dsl.load.SpecLoader;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.simulator.Simulator;
import dev.meshctl.simulator.SimulatorConfig;
import dev.meshctl.simulator.SimTimings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * examples/local/mesh.yaml's four controllers simulated in this JVM on free ports: the spec is
 * copied to {@code dir/mesh.yaml} with those ports, next to a simulator license, and meshctl gets
 * the secrets the spec reads through {@link #env()}.
 */
final class LocalMesh implements AutoCloseable {
  static final Path EXAMPLE = Path.of("..", "examples", "local", "mesh.yaml");
  static final String PASSWORD = "sim-password-1";
  static final String KEYSET_TOKEN = "keyset-token-0123456789";

  private final Vertx vertx;
  private final Simulator simulator;
  private final Path spec;
  private final Map<String, Integer> ports;

  private LocalMesh(Vertx vertx, Simulator simulator, Path spec, Map<String, Integer> ports) {
    this.vertx = vertx;
    this.simulator = simulator;
    this.spec = spec;
    this.ports = ports;
  }

  static LocalMesh start(Path dir) throws Exception {
    return start(dir, SimTimings.FAST, text -> text);
  }

  /**
   * With the simulator's {@code timings}; meshctl's spec is the example's text changed by {@code
   * edit} (after the ports are set), while the simulator runs the example's controllers as they
   * are.
   */
  static LocalMesh start(Path dir, SimTimings timings, java.util.function.UnaryOperator<String> edit) throws Exception {
    String text = Files.readString(EXAMPLE);
    Map<String, Integer> ports = new java.util.TreeMap<>();
    for (int i = 1; i <= 4; i++) {
      int port = freePort();
      text = text.replace("127.0.0.1:800" + i, "127.0.0.1:" + port);
      ports.put("127.0.0.1:800" + i, port);
    }
    Path spec = Files.writeString(dir.resolve("mesh.yaml"), text);
    CommandRun license =
        CommandRun.of("sim", "license", "--controllers", "4", "--force", "-o", dir.resolve("license.txt").toString());
    if (license.code() != 0) {
      throw new IllegalStateException("sim license: " + license);
    }
    LoadResult loaded =
        SpecLoader.load(spec, new LoadOptions(env(), Optional.empty()));
    MeshSpec mesh = loaded.spec().orElseThrow(() -> new IllegalStateException(loaded.diagnostics().toString()));
    // The simulator runs what the example describes; meshctl reads the edited spec.
    Files.writeString(spec, edit.apply(text));
    Vertx vertx = Vertx.vertx();
    Simulator sim =
        await(Simulator.start(vertx, SimulatorConfig.fromSpec(mesh).withApiPassword(PASSWORD).withAdminPort(-1).withTimings(timings)));
    return new LocalMesh(vertx, sim, spec, ports);
  }

  /** The variables the spec's {@code ${env:...}} references read. */
  static Map<String, String> env() {
    return Map.of("MESHCTL_SIM_PASSWORD", PASSWORD, "MESHCTL_KEYSET_TOKEN", KEYSET_TOKEN, "NO_COLOR", "1");
  }

  Path spec() {
    return spec;
  }

  Simulator simulator() {
    return simulator;
  }

  /** {@code 127.0.0.1:PORT} of the controller the example puts at {@code 127.0.0.1:800i}. */
  String endpoint(int i) {
    return "127.0.0.1:" + ports.get("127.0.0.1:800" + i);
  }

  /** A copy of {@code text} with the example's ports replaced by this mesh's. */
  String withPorts(String text) {
    String out = text;
    for (Map.Entry<String, Integer> e : ports.entrySet()) {
      out = out.replace(e.getKey(), "127.0.0.1:" + e.getValue());
    }
    return out;
  }

  @Override
  public void close() throws Exception {
    try {
      await(simulator.close());
    } finally {
      await(vertx.close());
    }
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, java.util.concurrent.TimeUnit.SECONDS);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
