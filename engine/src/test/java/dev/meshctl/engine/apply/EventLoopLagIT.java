package dev.meshctl.engine.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.engine.plan.PlanAction;
import dev.meshctl.engine.progress.JsonProgress;
import dev.meshctl.engine.progress.Progress;
import dev.meshctl.simulator.SimTimings;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No event loop of meshctl's is held for 50 ms or more while it applies a mesh of 64 controllers
 * from scratch (8,000 actions): reading, judging, planning, the critical path, the walk, its
 * progress output, settling and verifying. The simulated controllers run on a Vert.x of their
 * own, so only meshctl's loops are watched. What is measured is what a loop task costs the loop
 * (CPU plus time blocked: {@link EventLoopProbe}), so a busy machine does not fail the test.
 */
class EventLoopLagIT {
  private static final Duration LIMIT = Duration.ofMillis(50);

  private Vertx simulators;

  /** Minutes on a machine shared by several builds; what is judged is CPU per loop task, not time. */
  private static <T> T await(io.vertx.core.Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.MINUTES);
  }

  private Vertx meshctl;

  @BeforeEach
  void start() {
    simulators = Vertx.vertx();
    meshctl = Vertx.vertx();
  }

  @AfterEach
  void stop() throws Exception {
    await(meshctl.close());
    await(simulators.close());
  }

  @Test
  void theProbeSeesALoopHeldByCpuWork() throws Exception {
    try (EventLoopProbe probe = EventLoopProbe.watch(meshctl)) {
      Promise<Void> done = Promise.promise();
      meshctl.runOnContext(
          v -> {
            // 100 ms of this thread's CPU, however long the machine takes to give it.
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long until = mx.getCurrentThreadCpuTime() + Duration.ofMillis(100).toNanos();
            while (mx.getCurrentThreadCpuTime() < until) {
              Thread.onSpinWait();
            }
            done.complete();
          });
      await(done.future());
      assertTrue(probe.tasksSeen() > 0, "the probe watched the loop's tasks");
      assertTrue(probe.worst().compareTo(LIMIT) >= 0, () -> "a spinning task went unseen: " + probe.worst());
    }
  }

  @Test
  void applyingSixtyFourControllersNeverHoldsAnEventLoopFor50ms() throws Exception {
    // A small apply first: loading classes and linking lambdas is one-time work of a cold JVM,
    // the same for every mesh; what must not grow onto a loop is the work that grows with N.
    try (SimulatedMesh small =
        SimulatedMesh.start(
            simulators, meshctl, 4, SimTimings.FAST, Duration.ofSeconds(30), Duration.ofSeconds(120), SimulatedMesh.OPTIONS)) {
      assertEquals(ApplyOutcome.APPLIED, await(small.engine().apply(
          ApplyOptions.defaults(8, "warm@test:1"), Optional.empty(), SimulatedMesh.autoApprove())).outcome());
    }
    try (SimulatedMesh mesh =
        SimulatedMesh.start(
            simulators, meshctl, 64, SimTimings.FAST, Duration.ofSeconds(30), Duration.ofSeconds(120), SimulatedMesh.OPTIONS)) {
      ApplyEngine engine = mesh.engine();
      StringWriter events = new StringWriter();
      Progress<PlanAction> progress =
          new JsonProgress<>(new PrintWriter(events), a -> a.address().toString(), PlanAction::type, Clock.systemUTC());
      ApplyReport report;
      try (EventLoopProbe probe = EventLoopProbe.watch(meshctl)) {
        report =
            await(
                engine.apply(
                    ApplyOptions.defaults(64, "lag@test:1"),
                    Optional.empty(),
                    SimulatedMesh.autoApprove(progress, Promise.<Void>promise().future())));
        // The sampler sees a task only where it catches a new one (every 2 ms), so a quicker apply
        // shows fewer: hundreds still prove it watched the loops throughout.
        assertTrue(probe.tasksSeen() > 200, () -> "the probe watched the apply: " + probe.tasksSeen() + " tasks");
        System.out.println("EventLoopLagIT: worst loop task " + probe.worst().toMillis() + " ms of " + probe.tasksSeen());
        assertTrue(
            probe.worst().compareTo(LIMIT) < 0,
            () -> "an event loop was held " + probe.worst().toMillis() + " ms; last seen in " + probe.worstWhere());
      }
      assertEquals(ApplyOutcome.APPLIED, report.outcome(), () -> report.problems() + " " + report.verification());
      assertTrue(report.plan().orElseThrow().order().size() > 8000, "the whole mesh was planned and applied");
    }
  }
}
