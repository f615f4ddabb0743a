package dev.meshctl.engine.apply;

import dev.meshctl.dsl.model.ControllerSpec;
import dev.meshctl.dsl.model.ExecutionSpec;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.dsl.model.Secret;
import dev.meshctl.engine.client.ClientOptions;
import dev.meshctl.engine.client.Vns3Client;
import dev.meshctl.engine.lock.LockSettings;
import dev.meshctl.engine.lock.VariableLeaseStore;
import dev.meshctl.engine.plan.PlanAction;
import dev.meshctl.engine.progress.Progress;
import dev.meshctl.engine.testing.SimulatedMeshes;
import dev.meshctl.simulator.SimTimings;
import dev.meshctl.simulator.SimulatedController;
import dev.meshctl.simulator.Simulator;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** N simulated controllers on loopback, the spec that describes them, and clients for them. */
final class SimulatedMesh implements AutoCloseable {
  static final String PASSWORD = "sim-pw-1";
  static final Secret TOKEN = Secret.of("keyset-token-1");

  static final ClientOptions OPTIONS = SimulatedMeshes.simulatedClients(4, Duration.ofMillis(200), 7);

  final Vertx vertx;
  final Simulator sim;
  final MeshSpec spec;
  final Map<String, Vns3Client> clients;

  private SimulatedMesh(Vertx vertx, Simulator sim, MeshSpec spec, Map<String, Vns3Client> clients) {
    this.vertx = vertx;
    this.sim = sim;
    this.spec = spec;
    this.clients = clients;
  }

  static SimulatedMesh start(Vertx vertx, int n, SimTimings timings, Duration requestTimeout)
      throws Exception {
    return start(vertx, n, timings, requestTimeout, Duration.ofSeconds(8), OPTIONS);
  }

  /**
   * @param timeouts the reboot and keyset timeouts of the spec
   * @param options how the clients retry and wait
   */
  static SimulatedMesh start(
      Vertx vertx, int n, SimTimings timings, Duration requestTimeout, Duration timeouts, ClientOptions options)
      throws Exception {
    return start(vertx, vertx, n, timings, requestTimeout, timeouts, options);
  }

  /**
   * With the simulated controllers on {@code simulatorVertx} and meshctl's clients and engine on
   * {@code vertx}, so a test can watch meshctl's event loops alone.
   */
  static SimulatedMesh start(
      Vertx simulatorVertx,
      Vertx vertx,
      int n,
      SimTimings timings,
      Duration requestTimeout,
      Duration timeouts,
      ClientOptions options)
      throws Exception {
    Simulator sim = await(Simulator.start(simulatorVertx, SimulatedMeshes.config(n, timings, PASSWORD)));
    List<ControllerSpec> controllers = new ArrayList<>();
    int id = 0;
    for (SimulatedController c : sim.controllers()) {
      controllers.add(SimulatedMeshes.controllerSpec(c, ++id, false, Duration.ofSeconds(2), requestTimeout));
    }
    MeshSpec spec =
        SimulatedMeshes.fullMeshSpec("sim-topology", controllers, TOKEN, ExecutionSpec.withTimeouts(timeouts, timeouts));
    Map<String, Vns3Client> clients = SimulatedMeshes.clients(vertx, controllers, options);
    return new SimulatedMesh(vertx, sim, spec, clients);
  }

  /** The same controllers and clients, described by {@code other} (e.g. other license parameters). */
  SimulatedMesh withSpec(MeshSpec other) {
    return new SimulatedMesh(vertx, sim, other, clients);
  }

  /** The spec with the license's parameters replaced. */
  MeshSpec withLicenseParameters(dev.meshctl.dsl.model.LicenseParameters parameters) {
    dev.meshctl.dsl.model.LicenseSpec l = spec.license();
    return new MeshSpec(
        spec.source(), spec.topology(), spec.controllers(), spec.root(),
        new dev.meshctl.dsl.model.LicenseSpec(l.file(), l.text(), parameters),
        spec.keysetToken(), spec.peering(), spec.routing(), spec.execution());
  }

  ApplyEngine engine(LockSettings lock) {
    return new ApplyEngine(
        vertx,
        spec,
        clients,
        Optional.of(new VariableLeaseStore(clients.get(spec.root()))),
        lock,
        ActionCost.VNS3);
  }

  ApplyEngine engine() {
    return engine(LockSettings.DEFAULT);
  }

  static ApplyHooks autoApprove(Progress<PlanAction> progress, Future<Void> cancel) {
    return new ApplyHooks((p, d) -> Future.succeededFuture(true), progress, cancel);
  }

  static ApplyHooks autoApprove() {
    return autoApprove(new Progress<>() {}, Promise.<Void>promise().future());
  }

  /** Requests received by every simulated controller since the last reset. */
  dev.meshctl.simulator.RequestCounts requests() {
    long reads = 0;
    long writes = 0;
    for (SimulatedController c : sim.controllers()) {
      reads += c.requestCounts().reads();
      writes += c.requestCounts().writes();
    }
    return new dev.meshctl.simulator.RequestCounts(reads, writes);
  }

  /** Write requests received by every simulated controller since the last reset. */
  long writes() {
    return sim.controllers().stream().mapToLong(c -> c.requestCounts().writes()).sum();
  }

  void resetCounts() {
    sim.controllers().forEach(SimulatedController::resetRequestCounts);
  }

  static <T> T await(Future<T> f) throws Exception {
    return SimulatedMeshes.await(f);
  }

  @Override
  public void close() throws Exception {
    for (Vns3Client c : clients.values()) {
      c.close();
    }
    await(sim.close());
  }
}
