package dev.meshctl.engine.reconcile;

import static dev.meshctl.engine.reconcile.ReconcileMesh.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.engine.lock.HeldLock;
import dev.meshctl.engine.lock.LockSettings;
import dev.meshctl.engine.lock.MeshLock;
import dev.meshctl.engine.lock.VariableLeaseStore;
import dev.meshctl.engine.plan.FetchKeyset;
import dev.meshctl.engine.plan.GenerateKeyset;
import dev.meshctl.engine.plan.UploadLicense;
import dev.meshctl.simulator.SimTimings;
import dev.meshctl.simulator.license.SimLicense;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop against simulated controllers: every healing and refusal the loop promises. */
class ReconcilerIT {
  private static final Duration INTERVAL = Duration.ofMillis(200);

  @TempDir Path dir;
  private Vertx vertx;
  private ReconcileMesh mesh;
  private Reconciler loop;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    mesh = ReconcileMesh.start(vertx, 4, SimTimings.FAST, dir);
    loop = mesh.reconciler(mesh.options(INTERVAL));
  }

  @AfterEach
  void stop() throws Exception {
    await(loop.stop());
    mesh.close();
    await(vertx.close());
  }

  @Test
  void buildsAFreshMeshThenRepairsAPeerDeletedByHandWithinOneTick() throws Exception {
    TickReport built = await(loop.tick());
    assertEquals(4, built.fresh().size(), () -> built.toString());
    converge();

    await(mesh.client("ctl2").deletePeer(3));
    TickReport healed = await(loop.tick());
    assertEquals(Map.of("peer", 1), healed.driftFound(), () -> healed.toString());
    assertEquals(Map.of("peer", 1), healed.driftRepaired());
    assertEquals(1, healed.actionsRun());
    assertEquals(LockStatus.HELD, healed.lock());
    assertTrue(healed.outcome().converged(), () -> healed.toString());
    assertTrue(await(mesh.client("ctl2").getPeering()).peers().get(3).reachable());
    assertFalse(mesh.reports.toString().contains(ReconcileMesh.TOKEN));
    assertFalse(mesh.reports.toString().contains(ReconcileMesh.PASSWORD));
  }

  @Test
  void aWipedControllerRejoinsAndEveryLinkIsReachableAgain() throws Exception {
    converge();
    await(mesh.controller("ctl3").wipe());

    TickReport healing = await(loop.tick());
    assertEquals(List.of("ctl3"), List.copyOf(healing.fresh()), () -> healing.toString());
    assertEquals(1, healing.driftFound().get("controller"));
    assertTrue(healing.driftRepaired().getOrDefault("keyset", 0) >= 1, () -> healing.toString());
    TickReport after = converge();
    assertTrue(after.unreachableLinks().isEmpty());
    assertTrue(after.irreversible().isEmpty());
    assertEquals(
        await(mesh.client("ctl1").getKeyset()).checksum(),
        await(mesh.client("ctl3").getKeyset()).checksum());
  }

  @Test
  void aControllerReplacedAtAnotherAddressIsPeeredAgainAndTheOthersLinksFollow() throws Exception {
    converge();
    await(mesh.controller("ctl3").wipe());
    // The replacement is reached at another address: the spec now peers over public IPs.
    String publicIp = mesh.controller("ctl3").publicIp();
    mesh.writeSpec(b -> b + "    public_ip: " + mesh.controller(b.substring(b.indexOf("name: ") + 6, b.indexOf('\n'))).publicIp() + "\n");
    mesh.rewrite(y -> y.replace("address: private_ip", "address: public_ip"));
    mesh.actions.clear();

    TickReport healing = await(loop.tick());
    assertEquals(SpecUpdate.Status.RELOADED, healing.spec(), () -> healing.specProblems().toString());
    assertEquals(List.of("ctl3"), List.copyOf(healing.fresh()));
    var toCtl3 =
        mesh.actions.stream()
            .filter(a -> a.action().type().equals("update_peer") && a.action().address().peerKey() == 3)
            .toList();
    assertEquals(3, toCtl3.size(), () -> mesh.actions.toString());
    assertTrue(toCtl3.stream().allMatch(a -> a.status() == ActionEvent.Status.SUCCEEDED), toCtl3::toString);
    converge();
    for (String c : List.of("ctl1", "ctl2", "ctl4")) {
      var link = await(mesh.client(c).getPeering()).peers().get(3);
      assertEquals(publicIp, link.address());
      assertTrue(link.reachable(), c + " reaches ctl3 at its new address");
    }
  }

  @Test
  void aWipedRootRecoversWithAnotherControllerAsKeysetSource() throws Exception {
    converge();
    var checksum = await(mesh.client("ctl2").getKeyset()).checksum();
    await(mesh.controller("ctl1").wipe());
    mesh.actions.clear();

    TickReport healing = await(loop.tick());
    assertEquals(java.util.Optional.of("ctl2"), healing.keysetSource(), () -> healing.toString());
    assertTrue(healing.irreversible().isEmpty(), () -> healing.irreversible().toString());
    var rootActions = mesh.actions.stream().filter(a -> a.action().controller().equals("ctl1")).toList();
    assertTrue(
        rootActions.stream().anyMatch(a -> a.action() instanceof FetchKeyset f && f.sourceController().equals("ctl2")),
        () -> rootActions.toString());
    assertTrue(
        rootActions.stream().noneMatch(a -> a.action() instanceof GenerateKeyset || a.action() instanceof UploadLicense),
        "a replaced root fetches the topology's keyset; it never generates a new one");
    converge();
    assertEquals(checksum, await(mesh.client("ctl1").getKeyset()).checksum());
  }

  @Test
  void aControllerDownForManyTicksBacksOffWhileTheOthersAreReconciledAndRecoversOnceBack() throws Exception {
    converge();
    await(mesh.controller("ctl4").down());
    loop.start();
    TickReport grown = waitFor(r -> r.backoffs().containsKey("ctl4") && r.backoffs().get("ctl4").failures() >= 4, 20);
    Duration grownDelay = grown.backoffs().get("ctl4").delay();
    assertTrue(grownDelay.compareTo(Duration.ofMillis(300)) > 0, "the backoff grows: " + grownDelay);

    // Another controller drifts meanwhile: it is repaired although ctl4 is still down.
    await(mesh.client("ctl2").deletePeer(1));
    waitFor(r -> r.driftRepaired().getOrDefault("peer", 0) >= 1, 20);

    List<TickReport> whileDown = List.copyOf(mesh.reports);
    List<Duration> delays =
        whileDown.stream()
            .filter(r -> r.backoffs().containsKey("ctl4"))
            .map(r -> r.backoffs().get("ctl4").delay())
            .distinct()
            .toList();
    assertTrue(delays.size() >= 3, "the backoff grows with each failed attempt: " + delays);
    for (int i = 1; i < delays.size(); i++) {
      assertTrue(delays.get(i).compareTo(delays.get(i - 1)) >= 0, () -> "never shrinks while down: " + delays);
    }
    long skipped =
        whileDown.stream().filter(r -> r.unreadable().getOrDefault("ctl4", "").startsWith("in backoff")).count();
    long attempts = whileDown.stream().filter(r -> r.unreadable().containsKey("ctl4")).count() - skipped;
    assertTrue(skipped >= 2, "ticks skip a controller in backoff: " + skipped);
    assertTrue(attempts <= whileDown.get(whileDown.size() - 1).backoffs().get("ctl4").failures(), "each full attempt is a counted failure");

    int before = mesh.reports.size();
    await(mesh.controller("ctl4").up());
    TickReport back = waitFor(r -> r.reachable().get("ctl4") && !r.backoffs().containsKey("ctl4"), 20);
    int ticksToRecover = mesh.reports.indexOf(back) + 1 - before;
    assertTrue(ticksToRecover <= 2, "recovered within one tick of coming back, took " + ticksToRecover);
    waitFor(r -> r.outcome().converged(), 20);
  }

  @Test
  void irreversibleDriftIsReportedEveryTickAndNeverTouched() throws Exception {
    converge();
    // ctl3 replaced by an instance set up for another topology: another keyset token.
    await(mesh.controller("ctl3").wipe());
    await(mesh.controller("ctl3").presetLicensed(SimLicense.issue(4).text(), "another-token", OptionalInt.empty()));
    await(mesh.client("ctl2").deletePeer(1));
    mesh.controller("ctl3").resetRequestCounts();

    TickReport first = await(loop.tick());
    TickReport second = await(loop.tick());
    for (TickReport r : List.of(first, second)) {
      assertEquals(TickOutcome.DRIFTING, r.outcome());
      assertEquals(1, r.irreversibleByController().get("ctl3"), () -> r.irreversible().toString());
      assertTrue(r.irreversible().get(0).path().startsWith("controller[\"ctl3\"].keyset"));
    }
    assertTrue(first.withheld().stream().allMatch(l -> l.startsWith("controller[\"ctl3\"]")), () -> first.withheld().toString());
    assertFalse(first.withheld().isEmpty());
    assertEquals(1, first.driftRepaired().get("peer"), "the rest of the mesh is still repaired");
    assertEquals(0, mesh.writes("ctl3"), "a controller with irreversible drift is never written to");
  }

  @Test
  void aSpecEditedWhileRunningIsAppliedAtTheNextTick() throws Exception {
    converge();
    loop.start();
    mesh.writeSpec(block -> block.contains("name: ctl2\n") ? block + "    controller_name: renamed-ctl2\n" : block);
    TickReport reloaded = waitFor(r -> r.spec() == SpecUpdate.Status.RELOADED, 20);
    assertEquals(1, reloaded.driftRepaired().get("names"), () -> reloaded.toString());
    assertEquals(java.util.Optional.of("renamed-ctl2"), await(mesh.client("ctl2").getConfig()).controllerName());
  }

  @Test
  void anInvalidSpecKeepsTheLastGoodOneAndIsReportedEveryTick() throws Exception {
    converge();
    mesh.writeRaw("apiVersion: meshctl/v1\nkind: Mesh\ncontrollers: [\n");
    await(mesh.client("ctl3").deletePeer(2));
    TickReport first = await(loop.tick());
    assertEquals(SpecUpdate.Status.INVALID, first.spec());
    assertFalse(first.specProblems().isEmpty());
    assertTrue(first.specProblems().get(0).format().contains("mesh.yaml"), () -> first.specProblems().toString());
    assertEquals(1, first.driftRepaired().get("peer"), "the last good spec is still reconciled");
    TickReport second = await(loop.tick());
    assertEquals(SpecUpdate.Status.INVALID, second.spec(), "reported every tick while the file stays invalid");

    mesh.writeSpec(b -> b);
    assertEquals(SpecUpdate.Status.RELOADED, await(loop.tick()).spec());
  }

  @Test
  void aDryRunOnlyReports() throws Exception {
    converge();
    await(mesh.client("ctl2").deletePeer(4));
    Reconciler dry = mesh.reconciler(mesh.options(INTERVAL).withDryRun(true));
    TickReport r = await(dry.tick());
    assertEquals(TickOutcome.DRIFTING, r.outcome());
    assertEquals(Map.of("peer", 1), r.driftFound());
    assertEquals(0, r.actionsRun());
    assertEquals(LockStatus.NOT_NEEDED, r.lock());
    assertFalse(await(mesh.client("ctl2").getPeering()).peers().get(4).address().length() > 0
        && await(mesh.client("ctl2").getPeering()).peers().get(4).reachable());
  }

  @Test
  void anotherRunsLockMakesTheTickChangeNothing() throws Exception {
    converge();
    MeshLock lock =
        new MeshLock(vertx, new VariableLeaseStore(mesh.client("ctl1")), new LockSettings(Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofMillis(50)), Clock.systemUTC());
    HeldLock held = await(lock.acquire("alice@laptop:42", Duration.ZERO));
    await(mesh.client("ctl2").deletePeer(3));
    TickReport r = await(loop.tick());
    assertEquals(TickOutcome.LOCKED, r.outcome());
    assertEquals(LockStatus.HELD_ELSEWHERE, r.lock());
    assertTrue(r.lockDetail().orElseThrow().contains("alice@laptop:42"), r.lockDetail().toString());
    assertEquals(0, r.actionsRun());
    await(held.release());
    assertEquals(1, await(loop.tick()).driftRepaired().get("peer"));
  }

  /** Ticks by hand until a tick ends in sync. */
  private TickReport converge() throws Exception {
    for (int i = 0; i < 8; i++) {
      TickReport r = await(loop.tick());
      if (r.outcome() == TickOutcome.IN_SYNC) {
        return r;
      }
    }
    throw new AssertionError("no convergence in 8 ticks: " + mesh.reports.get(mesh.reports.size() - 1));
  }

  /** Waits (for the running loop) until a report matches, for at most {@code seconds}. */
  private TickReport waitFor(Predicate<TickReport> match, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    int seen = 0;
    while (System.nanoTime() < deadline) {
      List<TickReport> all = List.copyOf(mesh.reports);
      for (int i = seen; i < all.size(); i++) {
        if (match.test(all.get(i))) {
          return all.get(i);
        }
      }
      seen = all.size();
      Thread.sleep(20);
    }
    throw new AssertionError("no matching tick within " + seconds + " s; last: " + (mesh.reports.isEmpty() ? "none" : mesh.reports.get(mesh.reports.size() - 1)));
  }
}
