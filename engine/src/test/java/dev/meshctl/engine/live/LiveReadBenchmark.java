package dev.meshctl.engine.live;

import dev.meshctl.engine.client.Await;
import dev.meshctl.engine.client.ClientOptions;
import dev.meshctl.engine.client.RequestStats;
import dev.meshctl.engine.client.SimulatedMesh;
import dev.meshctl.engine.client.Vns3Client;
import dev.meshctl.simulator.SimTimings;
import dev.meshctl.simulator.license.SimLicense;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How long a full live read of N converged controllers takes with 20 ms of simulated latency per
 * request: concurrently it should cost about one controller's read time, not N times it. Prints
 * figures; asserts nothing about time.
 *
 * <p>{@code mvn -o -pl engine test -Pbenchmark -Dtest=LiveReadBenchmark}
 */
@Tag("benchmark")
class LiveReadBenchmark {
  private static final Duration LATENCY = Duration.ofMillis(20);
  private static final int ROUNDS = 5;

  @Test
  void readMeshesOfGrowingSize() {
    for (boolean tls : new boolean[] {true, false}) {
      System.out.println(tls ? "HTTPS, pinned certificates:" : "plain HTTP:");
      table(tls);
    }
  }

  private static void table(boolean tls) {
    System.out.printf(
        Locale.ROOT,
        "%-6s %12s %12s %12s %14s %10s %10s%n",
        "N", "first ms", "median ms", "1 ctl ms", "N x 1 ctl ms", "reads", "writes");
    for (int n : new int[] {4, 16, 64}) {
      measure(n, tls);
    }
  }

  private static void measure(int n, boolean tls) {
    try (SimulatedMesh mesh = new SimulatedMesh(n, SimTimings.FAST.withLatency(LATENCY, Duration.ZERO), tls)) {
      Vertx vertx = Vertx.vertx();
      try {
        String license = SimLicense.issue(n).text();
        List<Future<Void>> presets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          presets.add(mesh.sim.controllers().get(i).presetLicensed(license, "bench-token", OptionalInt.of(i + 1)));
        }
        Await.result(Future.all(presets));
        Map<String, Vns3Client> clients = mesh.clients(vertx, ClientOptions.DEFAULT);
        LiveStateReader reader = new LiveStateReader();

        // The first read also opens the connections and makes the TLS handshakes.
        long first = timeMillis(() -> check(Await.result(reader.read(mesh.meshSpec(), clients)), n));
        RequestStats.Counts before = total(clients);
        List<Long> times = new ArrayList<>();
        for (int r = 0; r < ROUNDS; r++) {
          times.add(timeMillis(() -> check(Await.result(reader.read(mesh.meshSpec(), clients)), n)));
        }
        RequestStats.Counts perRound = total(clients).minus(before);
        times.sort(Long::compare);
        Vns3Client one = clients.get("ctl1");
        List<Long> single = new ArrayList<>();
        for (int r = 0; r < ROUNDS; r++) {
          single.add(timeMillis(() -> Await.result(reader.read(mesh.specs.get(0), one))));
        }
        single.sort(Long::compare);
        long oneCtl = single.get(ROUNDS / 2);
        System.out.printf(
            Locale.ROOT,
            "%-6d %12d %12d %12d %14d %10d %10d%n",
            n, first, times.get(ROUNDS / 2), oneCtl, n * oneCtl, perRound.reads() / ROUNDS, perRound.writes() / ROUNDS);
      } finally {
        Await.result(vertx.close());
      }
    }
  }

  private static void check(MeshState state, int n) {
    long observed = state.controllers().values().stream().filter(o -> o instanceof ControllerObservation.Observed).count();
    if (observed != n) {
      throw new AssertionError("only " + observed + " of " + n + " controllers read: " + state.controllers());
    }
  }

  private static RequestStats.Counts total(Map<String, Vns3Client> clients) {
    return clients.values().stream().map(c -> c.stats().snapshot()).reduce(RequestStats.Counts.ZERO, RequestStats.Counts::plus);
  }

  private static long timeMillis(Runnable r) {
    long start = System.nanoTime();
    r.run();
    return (System.nanoTime() - start) / 1_000_000;
  }
}
