package dev.meshctl.engine.testing;

import dev.meshctl.dsl.model.ApiAccess;
import dev.meshctl.dsl.model.ControllerSpec;
import dev.meshctl.dsl.model.Endpoint;
import dev.meshctl.dsl.model.ExecutionSpec;
import dev.meshctl.dsl.model.LicenseParameters;
import dev.meshctl.dsl.model.LicenseSpec;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.dsl.model.PeerAddress;
import dev.meshctl.dsl.model.PeeringSpec;
import dev.meshctl.dsl.model.RoutingSpec;
import dev.meshctl.dsl.model.Secret;
import dev.meshctl.dsl.model.TlsSpec;
import dev.meshctl.engine.client.ClientOptions;
import dev.meshctl.engine.client.RetryPolicy;
import dev.meshctl.engine.client.Vns3Client;
import dev.meshctl.engine.client.Vns3Clients;
import dev.meshctl.engine.client.WaitPolicy;
import dev.meshctl.simulator.SimTimings;
import dev.meshctl.simulator.SimulatedController;
import dev.meshctl.simulator.SimulatorConfig;
import dev.meshctl.simulator.license.SimLicense;
import java.nio.file.Path;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * What every simulator-backed engine test builds the same way: the simulator's configuration, a
 * controller spec that reaches a simulated controller, a client per controller, client waits
 * sized for simulated controllers, and waiting for a future from the test thread.
 */
public final class SimulatedMeshes {
  private SimulatedMeshes() {}

  /** {@code n} controllers on loopback at free ports, without the admin endpoint. */
  public static SimulatorConfig config(int n, SimTimings timings, boolean tls) {
    return SimulatorConfig.sequential(n, "127.0.0.1", 0)
        .withTls(tls)
        .withTimings(timings)
        .withAdminPort(-1);
  }

  /** {@link #config} over plain HTTP, with this API password on every controller. */
  public static SimulatorConfig config(int n, SimTimings timings, String password) {
    return config(n, timings, false).withApiPassword(password);
  }

  /**
   * The spec of simulated controller {@code c}: its own address, subnet and API password; with
   * {@code tls}, HTTPS trusting its pinned certificate (as real controllers), else plain HTTP.
   */
  public static ControllerSpec controllerSpec(
      SimulatedController c, int id, boolean tls, Duration connectTimeout, Duration requestTimeout) {
    ApiAccess api =
        new ApiAccess(
            "api",
            Optional.of(Secret.of(c.apiPassword())),
            Optional.empty(),
            tls ? new TlsSpec(Optional.empty(), Optional.of(c.certificateSha256()), false) : TlsSpec.SYSTEM,
            connectTimeout,
            requestTimeout);
    return new ControllerSpec(
        c.name(),
        new Endpoint(tls ? "https" : "http", "127.0.0.1", c.port()),
        c.privateIp(),
        c.subnet(),
        Optional.of(c.publicIp()),
        Optional.empty(),
        OptionalInt.of(id),
        Optional.empty(),
        api,
        List.of());
  }

  /** One client per controller, by name in the given order, on {@code vertx}. */
  /**
   * A full-mesh spec over the given controllers (the first is the root) with a simulator license
   * for exactly that many, default license parameters, peer routes and subnet advertisements.
   */
  public static MeshSpec fullMeshSpec(
      String topology, List<ControllerSpec> controllers, Secret keysetToken, ExecutionSpec execution) {
    return new MeshSpec(
        Path.of("mesh.yaml"),
        topology,
        controllers,
        controllers.get(0).name(),
        new LicenseSpec(
            Path.of("license.txt"),
            Secret.of(SimLicense.issue(controllers.size()).text()),
            LicenseParameters.DEFAULT),
        keysetToken,
        new PeeringSpec(true, List.of(), PeerAddress.PRIVATE_IP, PeeringSpec.DEFAULT_MTU),
        new RoutingSpec(true, true),
        execution);
  }

  public static Map<String, Vns3Client> clients(Vertx vertx, List<ControllerSpec> controllers, ClientOptions options) {
    Map<String, Vns3Client> clients = new LinkedHashMap<>();
    controllers.forEach(c -> clients.put(c.name(), Vns3Clients.create(vertx, c, options)));
    return clients;
  }

  /**
   * Client options for simulated controllers: polls every 20 ms and two healthy answers after a
   * reboot; {@code attempts} tries with backoff up to {@code maxDelay}, jitter from a seeded
   * random so runs repeat.
   */
  public static ClientOptions simulatedClients(int attempts, Duration maxDelay, long seed) {
    return new ClientOptions(
        new RetryPolicy(attempts, Duration.ofMillis(20), maxDelay, 0.5, () -> new Random(seed)),
        new WaitPolicy(Duration.ofMillis(20), 2, Duration.ofSeconds(2), Duration.ofSeconds(1)));
  }

  /** Waits for {@code f} from the test thread, never an event loop, two minutes at the most. */
  public static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
  }
}
