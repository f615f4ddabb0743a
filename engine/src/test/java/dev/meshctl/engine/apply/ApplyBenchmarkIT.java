package dev.meshctl.engine.apply;

import static dev.meshctl.engine.apply.SimulatedMesh.autoApprove;

import dev.meshctl.dsl.model.ExecutionSpec;
import dev.meshctl.engine.client.ClientOptions;
import dev.meshctl.engine.client.RetryPolicy;
import dev.meshctl.engine.client.WaitPolicy;
import dev.meshctl.engine.plan.FetchKeyset;
import dev.meshctl.engine.plan.GenerateKeyset;
import dev.meshctl.engine.plan.Plan;
import dev.meshctl.engine.plan.PlanAction;
import dev.meshctl.engine.plan.PlanActionType;
import dev.meshctl.simulator.RequestCounts;
import dev.meshctl.simulator.SimTimings;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxThread;
import io.vertx.core.internal.VertxBootstrap;
import io.vertx.core.spi.VertxThreadFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Apply from scratch against simulated controllers with realistic settings, for N = 4, 16, 64
 * and two request latencies (20 ms, and 150 ms for a slower appliance), with the limits users get
 * by default, next to the least time any schedule could take under the same limits. Prints
 * figures; asserts nothing about time. Run: {@code mvn -B test -pl engine -Pbenchmark
 * -Dtest=ApplyBenchmarkIT} (see docs/benchmarks.md).
 *
 * <p>The simulated controllers run on a Vert.x instance of their own whose threads are named
 * {@code sim-...}, so meshctl's CPU (the engine's and clients' threads) is measured apart from
 * theirs.
 */
@Tag("benchmark")
class ApplyBenchmarkIT {
  static final Duration REBOOT = Duration.ofSeconds(2);
  static final Duration KEYSET_GENERATION = Duration.ofSeconds(1);
  static final Duration KEYSET_DOWNLOAD = Duration.ofSeconds(1);
  static final String SIM_THREADS = "sim-";
  static final int CORES = Runtime.getRuntime().availableProcessors();

  /** 64 controllers on a busy machine can take minutes; the benchmark reports, it does not judge. */
  private static <T> T await(io.vertx.core.Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.MINUTES);
  }

  @Test
  void applyFromScratch() throws Exception {
    int parallelism = Integer.getInteger("meshctl.bench.parallelism", ExecutionSpec.DEFAULT_PARALLELISM);
    int perController = Integer.getInteger("meshctl.bench.perController", ExecutionSpec.DEFAULT_PER_CONTROLLER);
    String sizes = System.getProperty("meshctl.bench.sizes", "4,16,64");
    String latencies = System.getProperty("meshctl.bench.latencies", "20,150");
    List<String> rows = new ArrayList<>();
    rows.add(
        String.format(
            Locale.ROOT,
            "parallelism %s, per controller %s; reboot %ss, keyset generation %ss, download %ss; %d cores",
            parallelism == 0 ? "no limit" : parallelism,
            perController == 0 ? "no limit" : perController,
            REBOOT.toSeconds(), KEYSET_GENERATION.toSeconds(), KEYSET_DOWNLOAD.toSeconds(), CORES));
    rows.add("|   N | latency (ms) | actions | apply (s) | chain (s) | limit bound (s) | CPU bound (s) | bound (s) | ratio | requests | writes | CPU (s) | meshctl CPU (s) | meshctl CPU/write (ms) | simulator CPU (s) | no-op apply (s) | no-op writes |");
    rows.add("|----:|-------------:|--------:|----------:|----------:|----------------:|--------------:|----------:|------:|---------:|-------:|--------:|----------------:|-----------------------:|------------------:|----------------:|-------------:|");
    for (String latency : latencies.split(",")) {
      for (String n : sizes.split(",")) {
        rows.add(run(Integer.parseInt(n.strip()), Duration.ofMillis(Long.parseLong(latency.strip())), parallelism, perController));
        System.out.println(rows.get(rows.size() - 1));
      }
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

  /** A Vert.x instance whose threads are named {@code sim-vert.x-...}. Internal API: benchmark only. */
  private static Vertx namedVertx(String prefix) {
    VertxThreadFactory named =
        new VertxThreadFactory() {
          @Override
          public VertxThread newVertxThread(Runnable target, String name, boolean worker, long maxExecTime, TimeUnit unit) {
            return new VertxThread(target, prefix + name, worker, maxExecTime, unit);
          }
        };
    return VertxBootstrap.create().threadFactory(named).init().vertx();
  }

  private static String group(String threadName) {
    return threadName.startsWith(SIM_THREADS) ? "simulator" : threadName.startsWith("vert.x-") ? "meshctl" : "other";
  }

  private static String run(int n, Duration latency, int parallelism, int perController) throws Exception {
    SimTimings timings = new SimTimings(latency, Duration.ZERO, Duration.ZERO, REBOOT, KEYSET_GENERATION, KEYSET_DOWNLOAD);
    // A reboot ends when the API answers again: the listener's 2 s and then the boot phases'
    // 502/503 and 401 answers.
    ActionCost cost =
        new ActionCost(
            latency, REBOOT.plus(timings.proxyPhase()).plus(timings.unauthorizedPhase()), KEYSET_GENERATION, KEYSET_DOWNLOAD);
    Vertx vertx = Vertx.vertx();
    Vertx simVertx = namedVertx(SIM_THREADS);
    // Polls every 50 ms; two healthy answers after a reboot; a generous request timeout because
    // 64 controllers share the machine's cores with meshctl.
    ClientOptions options =
        new ClientOptions(
            new RetryPolicy(5, Duration.ofMillis(50), Duration.ofSeconds(1), 0.5, () -> new java.util.Random(3)),
            new WaitPolicy(Duration.ofMillis(50), 2, Duration.ofSeconds(3), Duration.ofSeconds(2)));
    try (SimulatedMesh mesh =
        SimulatedMesh.start(simVertx, vertx, n, timings, Duration.ofSeconds(20), Duration.ofSeconds(120), options)) {
      ApplyEngine engine = mesh.engine();
      Plan plan = engine.plan(await(engine.read()));
      LimitedBound limited = LimitedBound.of(plan.graph(), cost::of, PlanAction::controller, perController);
      // When the last keyset is in place at the soonest: from then on every peer link and route
      // may run, and what limits them is the controllers' limit or the machine's CPU.
      Map<PlanAction, Duration> heads = LimitedBound.heads(plan.graph(), cost::of);
      Duration burstReady = Duration.ZERO;
      for (PlanAction a : plan.order()) {
        if (a instanceof FetchKeyset || a instanceof GenerateKeyset) {
          Duration end = heads.get(a).plus(cost.of(a));
          burstReady = end.compareTo(burstReady) > 0 ? end : burstReady;
        }
      }
      ApplyOptions applyOptions =
          ApplyOptions.defaults(parallelism, "bench@local:1").withPerControllerLimit(perController);
      mesh.resetCounts();
      CpuSampler sampler = CpuSampler.start(ApplyBenchmarkIT::processCpuNanos);
      ThreadCpu.Snapshot threads0 = ThreadCpu.snapshot(ApplyBenchmarkIT::group);
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
      Map<String, Long> byGroup = ThreadCpu.snapshot(ApplyBenchmarkIT::group).since(threads0);
      sampler.stop();
      long lastKeyset = Math.max(
          timeline.lastEnd(PlanActionType.FETCH_KEYSET).orElse(t0),
          timeline.lastEnd(PlanActionType.GENERATE_KEYSET).orElse(t0));
      double burstCpu = sampler.cpuBetween(lastKeyset, t0End) / 1e9;
      double cpuBound = burstReady.toMillis() / 1000.0 + burstCpu / CORES;
      System.out.println("N=" + n + " latency " + latency.toMillis() + "ms timeline: " + timeline.describe(t0End));
      System.out.printf(
          Locale.ROOT,
          "N=%d latency %dms: busiest controller %s; burst ready at %.2fs in the bound, at %.2fs in the run, %.2fs of CPU after it; CPU other than meshctl and simulator threads (JIT, GC) %.2fs%n",
          n, latency.toMillis(), limited.busiestGroup().isEmpty() ? "none (the chain)" : limited.busiestGroup(),
          burstReady.toMillis() / 1000.0, (lastKeyset - t0) / 1e9, burstCpu,
          cpuSeconds - (byGroup.getOrDefault("meshctl", 0L) + byGroup.getOrDefault("simulator", 0L)) / 1e9);
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
      double limitBound = limited.length().toMillis() / 1000.0;
      double bound = Math.max(limitBound, cpuBound);
      double meshctlCpu = byGroup.getOrDefault("meshctl", 0L) / 1e9;
      return String.format(
          Locale.ROOT,
          "| %3d | %12d | %7d | %9.2f | %9.2f | %15.2f | %13.2f | %9.2f | %5.2f | %8d | %6d | %7.2f | %15.2f | %22.3f | %17.2f | %15.2f | %12d |   %s, then %s",
          n,
          latency.toMillis(),
          plan.order().size(),
          seconds,
          limited.chain().toMillis() / 1000.0,
          limitBound,
          cpuBound,
          bound,
          seconds / bound,
          requests.total(),
          requests.writes(),
          cpuSeconds,
          meshctlCpu,
          meshctlCpu * 1000 / Math.max(1, requests.writes()),
          byGroup.getOrDefault("simulator", 0L) / 1e9,
          noop,
          mesh.writes(),
          first.outcome(),
          second.outcome());
    } finally {
      await(vertx.close());
      await(simVertx.close());
    }
  }
}
