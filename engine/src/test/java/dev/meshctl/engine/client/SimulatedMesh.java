package dev.meshctl.engine.client;

import dev.meshctl.dsl.model.ApiAccess;
import dev.meshctl.dsl.model.ControllerSpec;
import dev.meshctl.dsl.model.Endpoint;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.dsl.model.Secret;
import dev.meshctl.dsl.model.TlsSpec;
import dev.meshctl.simulator.SimTimings;
import dev.meshctl.simulator.SimulatedController;
import dev.meshctl.simulator.Simulator;
import dev.meshctl.simulator.SimulatorConfig;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Simulated controllers on loopback HTTPS, in their own Vert.x, with the specs and clients that
 * reach them (each trusting its controller's pinned certificate).
 */
public final class SimulatedMesh implements AutoCloseable {
  public final Vertx simVertx = Vertx.vertx();
  public final Simulator sim;
  public final List<ControllerSpec> specs = new ArrayList<>();

  public SimulatedMesh(int controllers, SimTimings timings) {
    this(controllers, timings, true);
  }

  /** @param tls HTTPS with pinned certificates (as real controllers), else plain HTTP */
  public SimulatedMesh(int controllers, SimTimings timings, boolean tls) {
    SimulatorConfig config =
        SimulatorConfig.sequential(controllers, "127.0.0.1", 0)
            .withTimings(timings)
            .withAdminPort(-1)
            .withTls(tls);
    sim = Await.result(Simulator.start(simVertx, config));
    for (SimulatedController c : sim.controllers()) {
      specs.add(spec(c, tls));
    }
  }

  private static ControllerSpec spec(SimulatedController c, boolean tls) {
    ApiAccess api =
        new ApiAccess(
            "api",
            Optional.of(Secret.of(c.apiPassword())),
            Optional.empty(),
            tls ? new TlsSpec(Optional.empty(), Optional.of(c.certificateSha256()), false) : TlsSpec.SYSTEM,
            // Generous: a slow answer on a loaded test machine would be retried and skew the counts.
            Duration.ofSeconds(30),
            Duration.ofSeconds(30));
    return new ControllerSpec(
        c.name(),
        new Endpoint(tls ? "https" : "http", "127.0.0.1", c.port()),
        c.privateIp(),
        c.subnet(),
        Optional.of(c.publicIp()),
        Optional.empty(),
        specsIndex(c),
        Optional.empty(),
        api,
        List.of());
  }

  private static int specsIndex(SimulatedController c) {
    return Integer.parseInt(c.name().substring("ctl".length()));
  }

  /** A mesh spec with these controllers (only what reading needs is filled in). */
  public MeshSpec meshSpec() {
    return new MeshSpec(Path.of("mesh.yaml"), "sim", specs, specs.get(0).name(), null, null, null, null, null);
  }

  /** One client per controller, by name, on {@code vertx}. */
  public Map<String, Vns3Client> clients(Vertx vertx, ClientOptions options) {
    Map<String, Vns3Client> m = new LinkedHashMap<>();
    specs.forEach(s -> m.put(s.name(), Vns3Clients.create(vertx, s, options)));
    return m;
  }

  public SimulatedController controller(String name) {
    return sim.controller(name);
  }

  @Override
  public void close() {
    Await.result(sim.close());
    Await.result(simVertx.close());
  }
}
