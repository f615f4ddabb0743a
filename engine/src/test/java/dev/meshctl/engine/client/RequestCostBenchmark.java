package dev.meshctl.engine.client;

import dev.meshctl.engine.testing.SimulatedMeshes;
import dev.meshctl.simulator.SimTimings;
import dev.meshctl.simulator.Simulator;
import dev.meshctl.simulator.license.SimLicense;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What one request costs in CPU, meshctl's client and a simulated controller together, against a
 * controller of a 64-controller mesh (63 peers, 64 routes), with no simulated latency, 8 requests
 * at a time. The floor is a small read; a peer write also makes the controller build its whole
 * peering table for the answer. Prints figures; asserts nothing about time. Run: {@code mvn -B
 * test -pl engine -Pbenchmark -Dtest=RequestCostBenchmark} (see docs/benchmarks.md).
 */
@Tag("benchmark")
class RequestCostBenchmark {
  private static final int CONTROLLERS = 64;
  private static final int REQUESTS = 4000;
  private static final int AT_ONCE = 8;

  @Test
  void cpuPerRequest() throws Exception {
    Vertx vertx = Vertx.vertx();
    // No latency: the figures are the CPU of the request itself.
    SimTimings timings = SimTimings.FAST.withLatency(Duration.ZERO, Duration.ZERO);
    try {
      Simulator sim = await(Simulator.start(vertx, SimulatedMeshes.config(CONTROLLERS, timings, "sim-pw-1")));
      await(sim.controller("ctl1").presetLicensed(SimLicense.issue(CONTROLLERS).text(), "keyset-token-1", OptionalInt.of(1)));
      Map<String, Vns3Client> clients =
          SimulatedMeshes.clients(
              vertx,
              List.of(SimulatedMeshes.controllerSpec(sim.controller("ctl1"), 1, false, Duration.ofSeconds(2), Duration.ofSeconds(20))),
              SimulatedMeshes.simulatedClients(4, Duration.ofMillis(200), 7));
      Vns3Client c = clients.get("ctl1");
      for (int p = 2; p <= CONTROLLERS; p++) {
        await(c.createPeer(p, "10.0." + p + ".10", OptionalInt.empty()));
        await(c.createRoute(new RouteRequest("10.0." + p + ".10/32", Optional.of("10.0.1.1"), Optional.of("eth0"), false, 0, Optional.empty())));
      }
      System.out.println("request                               CPU ms/request   wall ms/request   (third of 3 rounds)");
      measure("GET /config", c::getConfig);
      measure("PUT /peering/peers/2 (answer not read)", () -> c.updatePeer(2, "10.0.2.10", OptionalInt.empty()));
      measure("GET /peering (64 managers decoded)", c::getPeering);
      measure("GET /routes (65 routes decoded)", c::getRoutes);
      await(sim.close());
    } finally {
      await(vertx.close());
    }
  }

  /** Three rounds of {@link #REQUESTS} calls, {@link #AT_ONCE} at a time; prints the last (warm) one. */
  private static void measure(String name, Supplier<Future<?>> call) throws Exception {
    double cpu = 0;
    double wall = 0;
    for (int round = 0; round < 3; round++) {
      long c0 = processCpuNanos();
      long t0 = System.nanoTime();
      for (int i = 0; i < REQUESTS; i += AT_ONCE) {
        List<Future<?>> batch = new ArrayList<>();
        for (int j = 0; j < AT_ONCE; j++) {
          batch.add(call.get());
        }
        await(Future.all(batch));
      }
      cpu = (processCpuNanos() - c0) / 1e6 / REQUESTS;
      wall = (System.nanoTime() - t0) / 1e6 / REQUESTS;
    }
    System.out.println(String.format(Locale.ROOT, "%-40s %12.3f %17.3f", name, cpu, wall));
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
  }
}
