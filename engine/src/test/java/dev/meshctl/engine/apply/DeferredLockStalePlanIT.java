package dev.meshctl.engine.apply;

import static dev.meshctl.engine.apply.SimulatedMesh.autoApprove;
import static dev.meshctl.engine.apply.SimulatedMesh.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.engine.lock.LockSettings;
import dev.meshctl.engine.lock.MeshLock;
import dev.meshctl.engine.lock.VariableLeaseStore;
import dev.meshctl.engine.plan.Plan;
import dev.meshctl.engine.plan.PlanAction;
import dev.meshctl.engine.plan.PlanActionType;
import dev.meshctl.engine.walk.Declined;
import dev.meshctl.simulator.SimTimings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A run that planned against an unlicensed root licenses it without the lock and takes the lock
 * afterwards. Another run that took and released the lock meanwhile leaves no lease to find, so
 * the deferred lock must notice that run's writes in the mesh itself and stop the stale plan.
 */
class DeferredLockStalePlanIT {
  private Vertx vertx;
  private SimulatedMesh mesh;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    mesh = SimulatedMesh.start(vertx, 3, SimTimings.FAST, Duration.ofSeconds(2));
  }

  @AfterEach
  void stop() throws Exception {
    mesh.close();
    await(vertx.close());
  }

  @Test
  void aPlanOverTakenByAnotherRunWhileTheRootWasLicensedStartsNothingMore() throws Exception {
    ApplyEngine engine = mesh.engine();
    Plan stale = engine.plan(await(engine.read()));
    PlanAction licensesRoot = stale.order().stream()
        .filter(a -> a.controller().equals("ctl1") && a.actionType() == PlanActionType.ACCEPT_LICENSE_PARAMETERS)
        .findFirst().orElseThrow(() -> new AssertionError("a fresh mesh's plan licenses its root: " + stale.order()));
    PlanAction route = stale.order().stream()
        .filter(a -> a.actionType() == PlanActionType.CREATE_ROUTE)
        .findFirst().orElseThrow();
    List<String> lost = new ArrayList<>();
    MeshLock lock = new MeshLock(vertx, new VariableLeaseStore(mesh.clients.get("ctl1")), LockSettings.DEFAULT, Clock.systemUTC());
    LockGate gate = LockGate.deferred(lock, "slow@here:1", "ctl1", () -> engine.read().map(engine::plan), lost::add);
    gate.planned(stale);

    // The whole other run: it licenses the root, takes the lock, writes the mesh and lets go.
    ApplyReport other = await(engine.apply(ApplyOptions.defaults(10, "other@there:2"), Optional.empty(), autoApprove()));
    assertEquals(ApplyOutcome.APPLIED, other.outcome(), () -> other.outcome() + " " + other.problems());

    // The first run's root license is accepted now; its next action takes the free lock.
    gate.after(licensesRoot, true);
    Throwable refused = awaitFailure(gate.before(route));
    assertInstanceOf(Declined.class, refused);
    assertEquals(1, lost.size(), lost::toString);
    assertTrue(lost.get(0).startsWith("the mesh changed while this apply licensed the root controller \"ctl1\" without the lock"
        + " (another run wrote meanwhile): "), lost.get(0));
    assertTrue(lost.get(0).endsWith("is planned but no longer needed; so this apply's plan is out of date: run apply again"), lost.get(0));
    await(gate.lock().orElseThrow().release());
    assertTrue(engine.plan(await(engine.read())).order().isEmpty(), "the other run left the mesh converged");
  }

  @Test
  void aPlanNobodyOvertookGoesOnUnderTheDeferredLock() throws Exception {
    ApplyReport fresh = await(mesh.engine().apply(ApplyOptions.defaults(10, "me@here:1"), Optional.empty(), autoApprove()));
    assertEquals(ApplyOutcome.APPLIED, fresh.outcome(), () -> fresh.outcome() + " " + fresh.problems());
    assertTrue(fresh.walk().orElseThrow().outcomes().stream()
        .anyMatch(o -> o.node().actionType() == PlanActionType.ACCEPT_LICENSE_PARAMETERS), "it licensed its root: the deferred path");
  }

  private static Throwable awaitFailure(Future<?> f) throws Exception {
    try {
      await(f);
    } catch (Exception e) {
      return e.getCause() != null && !(e instanceof Declined) ? e.getCause() : e;
    }
    throw new AssertionError("expected the lock check to refuse");
  }
}
