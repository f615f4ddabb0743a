package dev.meshctl.engine.apply;

import static dev.meshctl.engine.apply.SimulatedMesh.autoApprove;

import dev.meshctl.engine.client.ClientOptions;
import dev.meshctl.engine.client.RetryPolicy;
import dev.meshctl.engine.client.WaitPolicy;
import dev.meshctl.engine.plan.Plan;
import dev.meshctl.engine.plan.PlanAction;
import dev.meshctl.simulator.RequestCounts;
import dev.meshctl.simulator.SimTimings;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Apply from scratch against simulated controllers with realistic settings, for N = 4, 16, 64,
 * next to the critical-path lower bound computed from the same settings. Prints figures; asserts
 * nothing about time. Run: {@code mvn -B test -pl engine -Pbenchmark} (see docs/benchmarks.md).
 */
@Tag("benchmark")
class ApplyBenchmarkIT {
  static final Duration LATENCY = Duration.ofMillis(20);
  static final Duration REBOOT = Duration.ofSeconds(2);
  static final Duration KEYSET_GENERATION = Duration.ofSeconds(1);
  static final Duration KEYSET_DOWNLOAD = Duration.ofSeconds(1);

  static final SimTimings TIMINGS =
      new SimTimings(LATENCY, Duration.ZERO, Duration.ZERO, REBOOT, KEYSET_GENERATION, KEYSET_DOWNLOAD);

  static final ActionCost COST = new ActionCost(LATENCY, REBOOT, KEYSET_GENERATION, KEYSET_DOWNLOAD);

  /** 64 controllers on a busy machine can take minutes; the benchmark reports, it does not judge. */
  private static <T> T await(io.vertx.core.Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(20, java.util.concurrent.TimeUnit.MINUTES);
  }

  @Test
  void applyFromScratch() throws Exception {
    int parallelism = Integer.getInteger("meshctl.bench.parallelism", 512);
    int perController = Integer.getInteger("meshctl.bench.perController", ApplyOptions.DEFAULT_PER_CONTROLLER_LIMIT);
    String sizes = System.getProperty("meshctl.bench.sizes", "4,16,64");
    List<String> rows = new ArrayList<>();
    rows.add(
        String.format(
            Locale.ROOT,
            "parallelism %d, per controller %d; latency %dms, reboot %ss, keyset generation %ss, download %ss",
            parallelism, perController, LATENCY.toMillis(), REBOOT.toSeconds(), KEYSET_GENERATION.toSeconds(), KEYSET_DOWNLOAD.toSeconds()));
    rows.add("|   N | actions | apply (s) | bound (s) | ratio | work/P (s) | requests | writes | CPU (s) | CPU/request (ms) | no-op apply (s) | no-op writes |");
    rows.add("|----:|--------:|----------:|----------:|------:|-----------:|---------:|-------:|--------:|-----------------:|----------------:|-------------:|");
    for (String n : sizes.split(",")) {
      rows.add(run(Integer.parseInt(n.strip()), parallelism, perController));
      System.out.println(rows.get(rows.size() - 1));
    }
    String table = String.join("\n", rows) + "\n";
    System.out.println(table);
    Path out = Path.of("target", "benchmark-apply.md");
    try {
      Files.writeString(out, table);
    } catch (IOException e) {
      System.out.println("could not write " + out + ": " + e.getMessage());
    }
  }

  /** CPU time used by this JVM so far, every thread: meshctl, the simulated controllers, the JIT, the GC. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static String run(int n, int parallelism, int perController) throws Exception {
    Vertx vertx = Vertx.vertx();
    // Polls every 50 ms; two healthy answers after a reboot; a generous request timeout because
    // 64 controllers share one simulator event loop.
    ClientOptions options =
        new ClientOptions(
            new RetryPolicy(5, Duration.ofMillis(50), Duration.ofSeconds(1), 0.5, () -> new java.util.Random(3)),
            new WaitPolicy(Duration.ofMillis(50), 2, Duration.ofSeconds(3), Duration.ofSeconds(2)));
    try (SimulatedMesh mesh =
        SimulatedMesh.start(vertx, n, TIMINGS, Duration.ofSeconds(20), Duration.ofSeconds(120), options)) {
      ApplyEngine engine = mesh.engine();
      Plan plan = engine.plan(await(engine.read()));
      CriticalPath<PlanAction> critical = CriticalPath.of(plan.graph(), COST::of);
      Duration work = Duration.ZERO;
      for (PlanAction a : plan.order()) {
        work = work.plus(COST.of(a));
      }
      ApplyOptions applyOptions =
          ApplyOptions.defaults(parallelism, "bench@local:1").withPerControllerLimit(perController);
      mesh.resetCounts();
      long cpu0 = processCpuNanos();
      long t0 = System.nanoTime();
      ApplyTimeline timeline = new ApplyTimeline(t0);
      ApplyReport first =
          await(
              engine.apply(
                  applyOptions,
                  Optional.empty(),
                  Boolean.getBoolean("meshctl.bench.trace")
                      ? autoApprove(
                          new dev.meshctl.engine.progress.LineProgress<>(
                              new java.io.PrintWriter(System.out, true), ApplyEngine::label),
                          io.vertx.core.Promise.<Void>promise().future())
                      : autoApprove(timeline, io.vertx.core.Promise.<Void>promise().future())));
      long t0End = System.nanoTime();
      double seconds = (t0End - t0) / 1e9;
      double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
      System.out.println("N=" + n + " timeline: " + timeline.describe(t0End));
      RequestCounts requests = mesh.requests();
      if (first.outcome() != ApplyOutcome.APPLIED) {
        // Report rather than stop: the figures of a failed run say where the time went.
        System.out.println("N=" + n + ": apply ended " + first.outcome() + " " + first.problems());
        first.walk().ifPresent(w -> w.with(dev.meshctl.engine.walk.NodeStatus.FAILED).stream()
            .limit(5)
            .forEach(o -> System.out.println("  " + ApplyEngine.label(o.node()) + ": " + o.error().map(Throwable::getMessage).orElse(""))));
        first.verification().ifPresent(v -> System.out.println("  verification: " + v.remaining().size()
            + " differences, " + v.unreachableLinks().size() + " links down, " + v.unreadable()));
      }
      mesh.resetCounts();
      long t1 = System.nanoTime();
      ApplyReport second = await(engine.apply(applyOptions, Optional.empty(), autoApprove()));
      double noop = (System.nanoTime() - t1) / 1e9;
      double bound = critical.length().toMillis() / 1000.0;
      return String.format(
          Locale.ROOT,
          "| %3d | %7d | %9.2f | %9.2f | %5.2f | %10.2f | %8d | %6d | %7.2f | %16.2f | %15.2f | %12d |   %s, then %s",
          n,
          plan.order().size(),
          seconds,
          bound,
          seconds / bound,
          work.toMillis() / 1000.0 / parallelism,
          requests.total(),
          requests.writes(),
          cpuSeconds,
          cpuSeconds * 1000 / Math.max(1, requests.total()),
          noop,
          mesh.writes(),
          first.outcome(),
          second.outcome());
    } finally {
      await(vertx.close());
    }
  }
}
