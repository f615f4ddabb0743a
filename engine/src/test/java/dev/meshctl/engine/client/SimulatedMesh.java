package dev.meshctl.engine.client;

import dev.meshctl.dsl.model.ControllerSpec;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.engine.testing.SimulatedMeshes;
import dev.meshctl.simulator.SimTimings;
import dev.meshctl.simulator.SimulatedController;
import dev.meshctl.simulator.Simulator;
import dev.meshctl.simulator.SimulatorConfig;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
    SimulatorConfig config = SimulatedMeshes.config(controllers, timings, tls);
    sim = Await.result(Simulator.start(simVertx, config));
    for (SimulatedController c : sim.controllers()) {
      specs.add(spec(c, tls));
    }
  }

  private static ControllerSpec spec(SimulatedController c, boolean tls) {
    // Generous: a slow answer on a loaded test machine would be retried and skew the counts.
    return SimulatedMeshes.controllerSpec(c, specsIndex(c), tls, Duration.ofSeconds(30), Duration.ofSeconds(30));
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
    return SimulatedMeshes.clients(vertx, specs, options);
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
