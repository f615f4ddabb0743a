package dev.meshctl.engine.reconcile;

import static dev.meshctl.engine.reconcile.ReconcileMesh.await;

import dev.meshctl.engine.client.ClientOptions;
import dev.meshctl.simulator.SimTimings;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Time-to-heal of a wiped controller (and of a wiped root) in a 4- and a 16-controller mesh of
 * simulated controllers with the default simulator timings (2 s reboot, 1 s keyset jobs) and the
 * CLI's {@code --waits simulated} client settings. Ticks run back to back from the wipe: a running
 * loop adds up to one interval (plus jitter) of detection latency. Prints figures; asserts
 * nothing about time.
 *
 * <p>{@code mvn -B test -pl engine -Pbenchmark -Dtest=TimeToHealBenchmark}
 */
@Tag("benchmark")
class TimeToHealBenchmark {
  private static final int ROUNDS = 3;

  @Test
  void wipedControllers() throws Exception {
    List<String> lines = new ArrayList<>();
    for (int n : new int[] {4, 16}) {
      lines.add(measure(n, "ctl3"));
      lines.add(measure(n, "ctl1"));
    }
    System.out.println("time-to-heal (median of " + ROUNDS + ", ticks back to back from the wipe until one ends converged):");
    lines.forEach(System.out::println);
  }

  private String measure(int n, String victim) throws Exception {
    Vertx vertx = Vertx.vertx();
    Path dir = Files.createTempDirectory("heal");
    List<Long> heal = new ArrayList<>();
    List<Integer> ticks = new ArrayList<>();
    List<Long> build = new ArrayList<>();
    try (ReconcileMesh mesh = ReconcileMesh.start(vertx, n, SimTimings.DEFAULTS, dir, ClientOptions.SIMULATED)) {
      Reconciler loop = mesh.reconciler(mesh.options(Duration.ofSeconds(1)));
      long t0 = System.nanoTime();
      untilInSync(loop);
      build.add((System.nanoTime() - t0) / 1_000_000);
      for (int round = 0; round < ROUNDS; round++) {
        await(mesh.controller(victim).wipe());
        long start = System.nanoTime();
        ticks.add(untilInSync(loop));
        heal.add((System.nanoTime() - start) / 1_000_000);
      }
    } finally {
      await(vertx.close());
    }
    return String.format(
        Locale.ROOT,
        "  %2d controllers, wiped %-4s: heal %5d ms median (%s), %s ticks; initial build %d ms",
        n,
        victim.equals("ctl1") ? "root" : victim,
        median(heal),
        heal,
        ticks,
        build.get(0));
  }

  /** Ticks until one ends converged (repaired or in sync); answers how many it took. */
  private static int untilInSync(Reconciler loop) throws Exception {
    for (int i = 1; i <= 20; i++) {
      if (await(loop.tick()).outcome().converged()) {
        return i;
      }
    }
    throw new AssertionError("no convergence in 20 ticks");
  }

  private static long median(List<Long> xs) {
    List<Long> s = new ArrayList<>(xs);
    s.sort(null);
    return s.get(s.size() / 2);
  }
}
