package dev.meshctl.engine.reliability;

import dev.meshctl.dsl.model.ApiAccess;
import dev.meshctl.dsl.model.ControllerSpec;
import dev.meshctl.dsl.model.Endpoint;
import dev.meshctl.dsl.model.ExecutionSpec;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.dsl.model.Secret;
import dev.meshctl.dsl.model.TlsSpec;
import dev.meshctl.engine.apply.ActionCost;
import dev.meshctl.engine.apply.ApplyEngine;
import dev.meshctl.engine.testing.SimulatedMeshes;
import dev.meshctl.engine.client.ClientOptions;
import dev.meshctl.engine.client.RetryPolicy;
import dev.meshctl.engine.client.Vns3Client;
import dev.meshctl.engine.client.Vns3Clients;
import dev.meshctl.engine.client.WaitPolicy;
import dev.meshctl.engine.lock.LockSettings;
import dev.meshctl.engine.lock.VariableLeaseStore;
import dev.meshctl.simulator.SimTimings;
import dev.meshctl.simulator.SimulatedController;
import dev.meshctl.simulator.Simulator;
import dev.meshctl.simulator.SimulatorConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * One set of simulated controllers kept for a whole campaign (wiped between runs), the spec that
 * describes them, and clients whose timeouts and retries are sized in milliseconds so that a run
 * with hung requests and reboots still takes well under a second.
 */
final class CampaignMesh implements AutoCloseable {
  static final String PASSWORD = "campaign-pw-7f3a";
  static final Secret TOKEN = Secret.of("campaign-keyset-token-91c2");

  /** Short leases: a lease left by a run whose release failed expires within a few seconds. */
  static final LockSettings LOCK =
      new LockSettings(Duration.ofSeconds(3), Duration.ofMillis(1000), Duration.ofMillis(100));

  private static final ClientOptions OPTIONS =
      new ClientOptions(
          new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(80), 0.5, () -> new Random(11)),
          new WaitPolicy(Duration.ofMillis(20), 2, Duration.ofMillis(800), Duration.ofMillis(300)));

  final Vertx vertx;
  final Simulator sim;
  final MeshSpec spec;
  /** Clients that go through {@link FaultyClient}, for the engine. */
  final Map<String, Vns3Client> clients;
  /** Clients straight to the simulator, for hand edits and checks. */
  final Map<String, Vns3Client> raw;
  final Map<String, FaultyClient> faults;

  private CampaignMesh(
      Vertx vertx,
      Simulator sim,
      MeshSpec spec,
      Map<String, Vns3Client> clients,
      Map<String, Vns3Client> raw,
      Map<String, FaultyClient> faults) {
    this.vertx = vertx;
    this.sim = sim;
    this.spec = spec;
    this.clients = clients;
    this.raw = raw;
    this.faults = faults;
  }

  static CampaignMesh start(Vertx vertx, int n, long seed) throws Exception {
    SimTimings timings =
        SimTimings.FAST
            // A controller keeps answering for a while after it was told to reboot (100 ms here,
            // seconds on a real one): long enough for a faulted poll in that time to fool a
            // reboot wait that took it for the reboot.
            .withReboot(Duration.ofMillis(100), Duration.ofMillis(80))
            .withKeyset(Duration.ofMillis(20), Duration.ofMillis(20));
    Simulator sim = startBelowEphemeralPorts(vertx, n, timings, seed);
    List<ControllerSpec> controllers = new ArrayList<>();
    for (SimulatedController c : sim.controllers()) {
      ApiAccess api =
          new ApiAccess(
              "api",
              Optional.of(Secret.of(PASSWORD)),
              Optional.empty(),
              TlsSpec.SYSTEM,
              Duration.ofMillis(500),
              // Tight enough that a hung request costs little, loose enough for a busy CI machine.
              Duration.ofMillis(600));
      controllers.add(
          new ControllerSpec(
              c.name(),
              new Endpoint("http", "127.0.0.1", c.port()),
              c.privateIp(),
              c.subnet(),
              Optional.of(c.publicIp()),
              Optional.empty(),
              OptionalInt.of(controllers.size() + 1),
              Optional.empty(),
              api,
              List.of()));
    }
    Duration jobs = Duration.ofSeconds(3);
    MeshSpec spec = SimulatedMeshes.fullMeshSpec("campaign", controllers, TOKEN, new ExecutionSpec(8, 8, jobs, jobs));
    Map<String, Vns3Client> clients = new LinkedHashMap<>();
    Map<String, Vns3Client> raw = new LinkedHashMap<>();
    Map<String, FaultyClient> faults = new LinkedHashMap<>();
    for (ControllerSpec c : controllers) {
      FaultyClient[] handle = new FaultyClient[1];
      SimulatedController simulated = sim.controller(c.name());
      clients.put(c.name(), FaultyClient.wrap(vertx, simulated, Vns3Clients.create(vertx, c, OPTIONS), handle));
      faults.put(c.name(), handle[0]);
      raw.put(c.name(), Vns3Clients.create(vertx, c, OPTIONS));
    }
    return new CampaignMesh(vertx, sim, spec, clients, raw, faults);
  }

  /**
   * Starts the simulator on ports below the kernel's ephemeral range (32768 and up): the campaign
   * closes and reopens listeners (wipe, down/up), and in the ephemeral range an outgoing
   * connection of any process may take a closed listener's port meanwhile.
   */
  private static Simulator startBelowEphemeralPorts(Vertx vertx, int n, SimTimings timings, long seed)
      throws Exception {
    Random ports = new Random();
    Exception last = null;
    for (int attempt = 0; attempt < 20; attempt++) {
      int base = 20_000 + ports.nextInt(12_000 - n);
      SimulatorConfig config =
          SimulatorConfig.sequential(n, "127.0.0.1", base)
              .withTls(false)
              .withApiPassword(PASSWORD)
              .withTimings(timings)
              .withSeed(seed)
              .withAdminPort(-1);
      try {
        return await(Simulator.start(vertx, config));
      } catch (Exception e) {
        last = e;
      }
    }
    throw last;
  }

  ApplyEngine engine() {
    return new ApplyEngine(
        vertx,
        spec,
        clients,
        Optional.of(new VariableLeaseStore(clients.get(spec.root()))),
        LOCK,
        ActionCost.VNS3);
  }

  /** An engine that talks to the controllers without injected client-side faults. */
  ApplyEngine cleanEngine() {
    return new ApplyEngine(
        vertx, spec, raw, Optional.of(new VariableLeaseStore(raw.get(spec.root()))), LOCK, ActionCost.VNS3);
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    for (Vns3Client c : clients.values()) {
      c.close();
    }
    for (Vns3Client c : raw.values()) {
      c.close();
    }
    await(sim.close());
  }
}
