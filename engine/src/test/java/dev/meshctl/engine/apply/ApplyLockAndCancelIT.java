package dev.meshctl.engine.apply;

import static dev.meshctl.engine.apply.ApplyEngineIT.keysetDone;
import static dev.meshctl.engine.apply.ApplyEngineIT.waitUntil;
import static dev.meshctl.engine.apply.SimulatedMesh.autoApprove;
import static dev.meshctl.engine.apply.SimulatedMesh.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.engine.lock.Lease;
import dev.meshctl.engine.lock.LockSettings;
import dev.meshctl.engine.lock.MeshLock;
import dev.meshctl.engine.lock.VariableLeaseStore;
import dev.meshctl.engine.progress.Progress;
import dev.meshctl.engine.walk.NodeStatus;
import dev.meshctl.simulator.SimTimings;
import dev.meshctl.simulator.VariableReading;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The apply lock against real requests to the root, and Ctrl-C (cancellation) mid-apply. */
class ApplyLockAndCancelIT {
  private Vertx vertx;
  private SimulatedMesh mesh;
  private VariableLeaseStore store;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    mesh = SimulatedMesh.start(vertx, 3, SimTimings.FAST, Duration.ofSeconds(2));
    store = new VariableLeaseStore(mesh.clients.get("ctl1"));
  }

  @AfterEach
  void stop() throws Exception {
    mesh.close();
    await(vertx.close());
  }

  private Future<ApplyReport> apply(ApplyOptions options) {
    return mesh.engine().apply(options, Optional.empty(), autoApprove());
  }

  private static ApplyOptions options() {
    return ApplyOptions.defaults(10, "me@here:1");
  }

  @Test
  void aSecondConcurrentApplyIsRefusedWithWhoHoldsTheLock() throws Exception {
    Future<ApplyReport> first = apply(options());
    waitUntil(() -> held().isPresent());
    ApplyReport second = await(mesh.engine().apply(ApplyOptions.defaults(10, "other@there:2"), Optional.empty(), autoApprove()));
    assertEquals(ApplyOutcome.REFUSED, second.outcome());
    assertTrue(second.problems().get(0).message().startsWith("mesh is locked by me@here:1 since "), second.problems().get(0).message());
    assertTrue(second.problems().get(0).message().endsWith("wait, or run 'meshctl apply --break-lock' if that run is dead"));
    assertEquals(ApplyOutcome.APPLIED, await(first).outcome());
    assertTrue(held().isEmpty(), "the lock is released at the end");
  }

  @Test
  void aWaitingApplyRunsOnceTheLockIsFree() throws Exception {
    mesh.sim.variableReading(VariableReading.parse("unlicensed=answer"));
    MeshLock other = new MeshLock(vertx, store, LockSettings.DEFAULT, Clock.systemUTC());
    var held = await(other.acquire("other@there:2", Duration.ZERO));
    Future<ApplyReport> waiting = apply(options().withLock(true, Duration.ofSeconds(30), false));
    Thread.sleep(300);
    assertFalse(waiting.isComplete());
    await(held.release());
    assertEquals(ApplyOutcome.APPLIED, await(waiting).outcome());
  }

  @Test
  void breakLockDeletesALiveLeaseAndAnExpiredOneIsTakenOver() throws Exception {
    mesh.sim.variableReading(VariableReading.parse("unlicensed=answer"));
    MeshLock other = new MeshLock(vertx, store, LockSettings.DEFAULT, Clock.systemUTC());
    await(other.acquire("dead@there:2", Duration.ZERO));
    assertEquals(ApplyOutcome.REFUSED, await(apply(options())).outcome());
    assertEquals(ApplyOutcome.APPLIED, await(apply(options().withLock(true, Duration.ZERO, true))).outcome());

    // A lapsed lease of a run that died: the next apply takes it over by itself.
    Instant past = Instant.now().minusSeconds(120);
    await(store.create("meshctl_lock_x_1", new Lease("dead@there:3", "x", past, past.plusSeconds(60)).toJson()));
    await(mesh.clients.get("ctl2").deletePeer(3));
    assertEquals(ApplyOutcome.APPLIED, await(apply(options())).outcome());
    assertTrue(held().isEmpty());
  }

  @Test
  void aRunWhoseLockIsBrokenStopsBeforeItsNextActionAndSaysWhy() throws Exception {
    // Renewals far apart: only the check before each action can notice in time.
    ApplyEngine engine = mesh.engine(new LockSettings(Duration.ofSeconds(60), Duration.ofSeconds(20), Duration.ofMillis(20)));
    Future<ApplyReport> first = engine.apply(options(), Optional.empty(), autoApprove());
    // Past the root's license (before it, the lock cannot be kept anywhere) and holding the lock.
    waitUntil(() -> keysetDone(mesh, "ctl1"));
    var broken = await(new MeshLock(vertx, store, LockSettings.DEFAULT, Clock.systemUTC()).breakLock());
    assertEquals("me@here:1", broken.get(0).lease().orElseThrow().holder());
    ApplyReport stopped = await(first);
    assertEquals(ApplyOutcome.LOCK_LOST, stopped.outcome(), () -> stopped.outcome() + " " + stopped.problems());
    assertTrue(stopped.problems().get(0).message().startsWith("the apply lock on root controller \"ctl1\" was broken by another run"),
        stopped.problems()::toString);
    assertFalse(stopped.walk().orElseThrow().with(NodeStatus.NOT_STARTED).isEmpty(), "it stopped starting actions");
    ApplyReport rerun = await(apply(options()));
    assertEquals(ApplyOutcome.APPLIED, rerun.outcome(), () -> rerun.outcome() + " " + rerun.problems());
    assertTrue(held().isEmpty());
  }

  @Test
  void cancellingMidApplyStopsNewActionsReleasesTheLockAndARerunConverges() throws Exception {
    Promise<Void> cancel = Promise.promise();
    Future<ApplyReport> running =
        mesh.engine().apply(options(), Optional.empty(), autoApprove(new Progress<>() {}, cancel.future()));
    waitUntil(() -> keysetDone(mesh, "ctl1"));
    cancel.complete();
    ApplyReport stopped = await(running);
    assertEquals(ApplyOutcome.CANCELLED, stopped.outcome());
    assertFalse(stopped.walk().orElseThrow().with(NodeStatus.NOT_STARTED).isEmpty());
    assertTrue(held().isEmpty(), "the lock is released after a cancel");

    ApplyReport rerun = await(apply(options()));
    assertEquals(ApplyOutcome.APPLIED, rerun.outcome(), () -> String.valueOf(rerun));
  }

  private Optional<dev.meshctl.engine.lock.Claim> held() {
    try {
      // Before the root's license is accepted its variables answer 403: no lock anywhere.
      return await(store.claims().otherwise(java.util.List.of())).stream().findFirst();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
