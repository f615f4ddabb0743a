package dev.meshctl.simulator;

import dev.meshctl.simulator.license.SimLicense;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap per simulated controller: 200 controllers in one JVM, each driven over HTTPS to licensed,
 * keyset (downloaded from the first) and peer ID. Prints figures; asserts nothing about them.
 *
 * <p>Run: {@code simulator/bench-memory.sh} (builds the test classpath and runs this main class).
 */
public final class MemoryBenchmark {
  static final int N = Integer.getInteger("bench.controllers", 200);
  static final int BATCH = 10;

  private MemoryBenchmark() {}

  public static void main(String[] args) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      run(vertx);
    } finally {
      vertx.close().await();
    }
  }

  private static void run(Vertx vertx) throws Exception {
    long before = usedHeapAfterGc();
    long t0 = System.nanoTime();
    Simulator sim = Simulator.start(vertx, SimulatorConfig.sequential(N, "127.0.0.1", 0).withTimings(SimTimings.FAST).withAdminPort(-1)).await();
    long started = System.nanoTime();
    SimLicense license = SimLicense.issue(N);
    List<SimulatedController> all = sim.controllers();
    Api root = new Api(vertx, all.get(0));
    Flows.seed(vertx, root, 1, license, "bench-token", null).await();
    for (int from = 1; from < N; from += BATCH) {
      List<Future<Void>> batch = new ArrayList<>();
      for (int i = from; i < Math.min(N, from + BATCH); i++) {
        batch.add(Flows.seed(vertx, new Api(vertx, all.get(i)), i + 1, license, "bench-token", "10.0.1.10"));
      }
      Future.all(batch).await();
    }
    long driven = System.nanoTime();
    Recorded.ALL.clear();
    long after = usedHeapAfterGc();
    double perController = (after - before) / (double) N;
    System.out.printf("simulator memory benchmark: %d controllers (TLS), start %.1f s, drive to licensed+keyset+peer id %.1f s%n",
        N, (started - t0) / 1e9, (driven - started) / 1e9);
    System.out.printf("heap used after GC: before %.1f MiB, after %.1f MiB, %.1f KiB per controller%n",
        before / 1048576.0, after / 1048576.0, perController / 1024);
    sim.close().await();
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(200);
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
