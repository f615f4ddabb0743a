package dev.meshctl.engine.apply;

import static dev.meshctl.engine.apply.SimulatedMesh.autoApprove;
import static dev.meshctl.engine.apply.SimulatedMesh.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.dsl.model.LicenseParameters;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.engine.client.RouteRequest;
import dev.meshctl.engine.desired.MeshExpander;
import dev.meshctl.engine.diff.MeshDiff;
import dev.meshctl.engine.diff.MeshDiffer;
import dev.meshctl.engine.live.LiveRoute;
import dev.meshctl.engine.live.MeshState;
import dev.meshctl.engine.plan.Plan;
import dev.meshctl.engine.planfile.LoadedPlan;
import dev.meshctl.engine.planfile.PlanFile;
import dev.meshctl.engine.walk.NodeStatus;
import dev.meshctl.simulator.SimTimings;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Apply against simulated controllers: convergence, idempotence, drift, failures, saved plans. */
class ApplyEngineIT {
  @TempDir Path dir;
  private Vertx vertx;
  private SimulatedMesh mesh;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    mesh = SimulatedMesh.start(vertx, 4, SimTimings.FAST, Duration.ofSeconds(2));
  }

  @AfterEach
  void stop() throws Exception {
    mesh.close();
    await(vertx.close());
  }

  private ApplyReport apply() throws Exception {
    return await(
        mesh.engine().apply(ApplyOptions.defaults(10, "test@host:1"), Optional.empty(), autoApprove()));
  }

  @Test
  void aFreshMeshConvergesAndASecondApplyWritesNothing() throws Exception {
    ApplyReport first = apply();
    assertEquals(ApplyOutcome.APPLIED, first.outcome(), () -> String.valueOf(first));
    assertTrue(first.verification().orElseThrow().converged());
    assertTrue(first.walk().orElseThrow().allSucceeded());

    mesh.resetCounts();
    ApplyReport second = apply();
    assertEquals(ApplyOutcome.NO_CHANGES, second.outcome());
    assertEquals(0, mesh.writes(), "a converged mesh must see no write request");
    assertEquals(0, second.requests().writes());
  }

  @Test
  void driftIsRepaired() throws Exception {
    assertEquals(ApplyOutcome.APPLIED, apply().outcome());
    var ctl2 = mesh.clients.get("ctl2");
    await(ctl2.deletePeer(3));
    LiveRoute managed =
        await(ctl2.getRoutes()).stream()
            .filter(r -> r.editable() && r.description().startsWith("meshctl"))
            .findFirst()
            .orElseThrow();
    await(ctl2.deleteRoute(managed.id()));

    Plan drift = mesh.engine().plan(await(mesh.engine().read()));
    assertEquals(2, drift.order().size(), () -> drift.order().toString());
    ApplyReport repaired = apply();
    assertEquals(ApplyOutcome.APPLIED, repaired.outcome(), () -> String.valueOf(repaired));
    assertTrue(repaired.verification().orElseThrow().converged());
  }

  /**
   * Once a route is deleted, a table's positional keys and its route ids part ways (as in the
   * vendor SDK's recorded table, where key "2" holds id 3). Here the extra copy meshctl must
   * delete sits at the key equal to the id of a route someone added by hand: deleting by key
   * would remove the user's route and leave the copy.
   */
  @Test
  void aDeleteHitsTheRouteItMeansAfterIdsAndPositionsPartWays() throws Exception {
    assertEquals(ApplyOutcome.APPLIED, apply().outcome());
    var ctl2 = mesh.clients.get("ctl2");
    java.util.List<LiveRoute> managed =
        await(ctl2.getRoutes()).stream().filter(r -> r.editable() && r.description().startsWith("meshctl")).toList();
    LiveRoute gone = managed.get(0);
    LiveRoute copied = managed.get(1);
    await(ctl2.deleteRoute(gone.id()));
    RouteRequest users =
        new RouteRequest("192.168.50.0/24", copied.gateway(), copied.iface(), false, 0, Optional.of("VPN to the office"));
    await(ctl2.createRoute(users));
    await(ctl2.createRoute(new RouteRequest(copied.cidr(), copied.gateway(), copied.iface(), copied.advertise(),
        copied.metric(), Optional.of(copied.description()))));
    java.util.List<LiveRoute> before = await(ctl2.getRoutes());
    String usersId = before.stream().filter(users::sameRoute).findFirst().orElseThrow().id();
    long copyId = before.stream().filter(r -> r.cidr().equals(copied.cidr())).mapToLong(r -> Long.parseLong(r.id())).max().orElseThrow();
    assertEquals(Long.parseLong(usersId), copyId - 1, "the copy's position is the user's route's id");

    ApplyReport repaired = apply();
    assertEquals(ApplyOutcome.APPLIED, repaired.outcome(), () -> String.valueOf(repaired));
    assertTrue(repaired.verification().orElseThrow().converged());
    java.util.List<LiveRoute> after = await(ctl2.getRoutes());
    assertTrue(after.stream().anyMatch(r -> r.id().equals(usersId) && users.sameRoute(r)), "the user's route is untouched");
    assertEquals(1, after.stream().filter(r -> r.cidr().equals(copied.cidr())).count(), () -> after.toString());
    assertEquals(1, after.stream().filter(r -> r.cidr().equals(gone.cidr())).count(), () -> after.toString());
  }

  @Test
  void aControllerDownFailsOnlyItsBranchAndARerunConverges() throws Exception {
    // Let the root finish licensing and keyset first, then take ctl3 away.
    await(mesh.sim.controller("ctl3").down());
    mesh.resetCounts();
    ApplyReport broken = apply();
    assertEquals(ApplyOutcome.REFUSED, broken.outcome(), "an unreadable controller blocks apply");
    assertEquals(0, mesh.writes(), "a refused apply writes nothing, not even the lock");
    await(mesh.sim.controller("ctl3").up());

    // Now down mid-apply: ctl3's keyset fetch fails, the others converge on their own part.
    var apply =
        mesh.engine().apply(ApplyOptions.defaults(10, "test@host:1"), Optional.empty(), autoApprove());
    waitUntil(() -> keysetDone(mesh, "ctl1"));
    await(mesh.sim.controller("ctl3").down());
    ApplyReport partial = await(apply);
    assertEquals(ApplyOutcome.FAILED, partial.outcome(), () -> String.valueOf(partial));
    var walk = partial.walk().orElseThrow();
    assertFalse(walk.with(NodeStatus.FAILED).isEmpty());
    assertTrue(
        walk.with(NodeStatus.FAILED).stream().allMatch(o -> o.node().controller().equals("ctl3")),
        () -> walk.with(NodeStatus.FAILED).toString());
    assertTrue(
        walk.with(NodeStatus.SUCCEEDED).stream().anyMatch(o -> o.node().controller().equals("ctl2")),
        "independent branches went on");

    await(mesh.sim.controller("ctl3").up());
    ApplyReport rerun = apply();
    assertEquals(ApplyOutcome.APPLIED, rerun.outcome(), () -> String.valueOf(rerun));
  }

  @Test
  void aSavedPlanIsRefusedOnceTheLiveStateChangedAndWritesNothing() throws Exception {
    LoadedPlan saved = PlanFile.load(SavedPlans.save(mesh.engine(), mesh.spec, dir));
    // Someone uploads the license by hand in between.
    await(mesh.clients.get("ctl1").putLicense(mesh.spec.license().text()));
    mesh.resetCounts();
    ApplyReport r =
        await(mesh.engine().apply(ApplyOptions.defaults(10, "t@h:1"), Optional.of(saved), autoApprove()));
    assertEquals(ApplyOutcome.REFUSED, r.outcome());
    assertEquals(
        "the live state changed since the plan was made: controller ctl1; run plan again",
        r.problems().get(0).message());
    assertEquals(0, r.walk().map(w -> w.outcomes().size()).orElse(0));
    assertEquals(0, mesh.writes(), "a stale plan is refused before the lock is taken");
  }

  @Test
  void anUnchangedSavedPlanRunsExactly() throws Exception {
    LoadedPlan saved = PlanFile.load(SavedPlans.save(mesh.engine(), mesh.spec, dir));
    ApplyReport r =
        await(mesh.engine().apply(ApplyOptions.defaults(10, "t@h:1"), Optional.of(saved), autoApprove()));
    assertEquals(ApplyOutcome.APPLIED, r.outcome(), () -> String.valueOf(r));
    assertEquals(saved.saved().plan().order(), r.plan().orElseThrow().order());
    assertEquals(saved.saved().plan().order().size(), r.walk().orElseThrow().outcomes().size());
  }

  /** Custom addressing as the SDK's recorded LicenseParamsResponse, with fewer managers than controllers. */
  static final LicenseParameters CUSTOM =
      new LicenseParameters(
          false,
          Optional.of("172.31.1.0/24"),
          List.of("172.31.1.253", "172.31.1.252"),
          Optional.of("34001 34002"),
          Optional.of("172.31.1.1,172.31.1.5-172.31.1.6"),
          Optional.of("172.31.1.254"));

  @Test
  void customLicenseParametersVerifyAndTheNextDiffAgrees() throws Exception {
    SimulatedMesh custom = mesh.withSpec(mesh.withLicenseParameters(CUSTOM));
    ApplyReport first =
        await(custom.engine().apply(ApplyOptions.defaults(10, "t@h:1"), Optional.empty(), autoApprove()));
    assertEquals(ApplyOutcome.APPLIED, first.outcome(), () -> String.valueOf(first));
    assertTrue(first.verification().orElseThrow().converged(), () -> String.valueOf(first.verification()));

    MeshState live = await(custom.engine().read());
    MeshDiff diff = MeshDiffer.diff(MeshExpander.expand(custom.spec), live);
    assertEquals(List.of(), diff.problems());
    assertEquals(List.of(), diff.changes());
    ApplyReport second =
        await(custom.engine().apply(ApplyOptions.defaults(10, "t@h:1"), Optional.empty(), autoApprove()));
    assertEquals(ApplyOutcome.NO_CHANGES, second.outcome(), () -> String.valueOf(second));
  }

  @Test
  void verificationFailsWhereDiffWouldReportAProblem() throws Exception {
    assertEquals(ApplyOutcome.APPLIED, apply().outcome());
    // The mesh accepted default addressing; a spec asking for custom addressing cannot be met.
    MeshSpec other = mesh.withLicenseParameters(CUSTOM);
    MeshState live = await(mesh.engine().read());
    MeshDiff diff = MeshDiffer.diff(MeshExpander.expand(other), live);
    assertEquals(1, diff.problems().size(), () -> diff.problems().toString());
    assertTrue(diff.changes().isEmpty());

    Verification v = await(new Verifier(vertx, other, mesh.clients).verify(Duration.ofSeconds(5)));
    assertFalse(v.converged());
    assertEquals(diff.problems(), v.problems());
    assertTrue(v.problems().get(0).message().contains("addressing: spec custom, license default"), v.problems().toString());
    assertTrue(v.remaining().isEmpty() && v.unreachableLinks().isEmpty());
  }

  static boolean keysetDone(SimulatedMesh mesh, String controller) {
    try {
      return await(mesh.clients.get(controller).getKeyset()).present();
    } catch (Exception e) {
      return false;
    }
  }

  static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 30 s");
      }
      Thread.sleep(10);
    }
  }
}
