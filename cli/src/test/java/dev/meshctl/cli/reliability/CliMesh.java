package dev.meshctl.cli.reliability;

import dev.meshctl.cli.Main;
import dev.meshctl.simulator.SimTimings;
import dev.meshctl.simulator.SimulatedController;
import dev.meshctl.simulator.Simulator;
import dev.meshctl.simulator.SimulatorConfig;
import dev.meshctl.simulator.license.SimLicense;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Three simulated controllers (TLS on, self-signed) in this JVM and a {@code mesh.yaml} for them
 * whose secrets are read from files, so that in-process runs of meshctl see distinctive secret
 * values without environment variables.
 */
final class CliMesh implements AutoCloseable {
  static final String PASSWORD = "pw-Zq81-never-print-me";
  static final String TOKEN = "tok-Kx42-never-print-me";

  final Vertx vertx;
  final Simulator sim;
  final Path dir;
  final Path spec;
  final String license;

  private CliMesh(Vertx vertx, Simulator sim, Path dir, Path spec, String license) {
    this.vertx = vertx;
    this.sim = sim;
    this.dir = dir;
    this.spec = spec;
    this.license = license;
  }

  /** @param timings how fast the simulated controllers reboot and make keysets */
  static CliMesh start(Path dir, SimTimings timings) throws Exception {
    return start(dir, timings, PASSWORD);
  }

  /**
   * @param timings how fast the simulated controllers reboot and make keysets
   * @param password the controllers' API password, also written to {@code password.txt}
   */
  static CliMesh start(Path dir, SimTimings timings, String password) throws Exception {
    Vertx vertx = Vertx.vertx();
    Simulator sim =
        await(
            Simulator.start(
                vertx,
                SimulatorConfig.sequential(3, "127.0.0.1", 0)
                    .withApiPassword(password)
                    .withTimings(timings)
                    .withAdminPort(-1)));
    String license = SimLicense.issue(3).text();
    Files.writeString(dir.resolve("license.txt"), license);
    Files.writeString(dir.resolve("password.txt"), password);
    Files.writeString(dir.resolve("token.txt"), TOKEN);
    Path spec = Files.writeString(dir.resolve("mesh.yaml"), yaml(sim.controllers(), "tls: {insecure: true}", "password.txt"));
    return new CliMesh(vertx, sim, dir, spec, license);
  }

  /** A spec for {@code controllers} with the given api.tls line and password file. */
  static String yaml(List<SimulatedController> controllers, String tls, String passwordFile) {
    StringBuilder y = new StringBuilder();
    y.append("apiVersion: meshctl/v1\nkind: Mesh\nmetadata:\n  name: reliability\n");
    y.append("defaults:\n  api:\n    username: api\n    password: ${file:").append(passwordFile).append("}\n");
    y.append("    ").append(tls).append("\n    connect_timeout: 2s\n    request_timeout: 5s\n");
    y.append("license:\n  file: ./license.txt\n  parameters: {default: true}\n");
    y.append("keyset:\n  token: ${file:token.txt}\n");
    y.append("root: ").append(controllers.get(0).name()).append("\ncontrollers:\n");
    for (SimulatedController c : controllers) {
      y.append("  - name: ").append(c.name()).append('\n');
      y.append("    endpoint: 127.0.0.1:").append(c.port()).append('\n');
      y.append("    private_ip: ").append(c.privateIp()).append('\n');
      y.append("    subnet: ").append(c.subnet()).append('\n');
    }
    y.append("peering:\n  mode: full_mesh\n  address: private_ip\n");
    y.append("routes:\n  peer_routes: true\n  advertise_subnets: true\n");
    y.append("execution:\n  parallelism: 8\n  reboot_timeout: 30s\n  keyset_timeout: 30s\n");
    return y.toString();
  }

  /** Requests every controller received so far. */
  long requests() {
    return sim.controllers().stream().mapToLong(c -> c.requestCounts().reads() + c.requestCounts().writes()).sum();
  }

  /** One in-process run of meshctl. */
  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  /** What one run of meshctl did. */
  record Run(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
    }
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    await(sim.close());
    await(vertx.close());
  }
}
