package dev.meshctl.engine.reliability;

import static dev.meshctl.engine.reliability.CampaignMesh.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.dsl.model.PeeringSpec;
import dev.meshctl.engine.apply.ActionCost;
import dev.meshctl.engine.apply.ApplyEngine;
import dev.meshctl.engine.apply.ApplyHooks;
import dev.meshctl.engine.apply.ApplyOptions;
import dev.meshctl.engine.apply.ApplyOutcome;
import dev.meshctl.engine.apply.ApplyReport;
import dev.meshctl.engine.client.Vns3Client;
import dev.meshctl.engine.lock.Lease;
import dev.meshctl.engine.lock.MeshLock;
import dev.meshctl.engine.lock.VariableLeaseStore;
import dev.meshctl.simulator.VariableReading;
import dev.meshctl.engine.plan.PlanAction;
import dev.meshctl.engine.progress.Progress;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two applies on the same mesh at once: their writes never interleave; a refused one writes nothing. */
class ConcurrentApplyIT {
  private Vertx vertx;
  private CampaignMesh mesh;
  private final WriteLog log = new WriteLog();

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    mesh = CampaignMesh.start(vertx, 3, 5);
  }

  @AfterEach
  void stop() throws Exception {
    mesh.close();
    await(vertx.close());
  }

  private ApplyEngine engine(String run, MeshSpec spec) {
    Map<String, Vns3Client> clients = log.recording(run, mesh.raw);
    return new ApplyEngine(
        vertx, spec, clients, Optional.of(new VariableLeaseStore(clients.get(spec.root()))), CampaignMesh.LOCK, ActionCost.VNS3);
  }

  private static Future<ApplyReport> apply(ApplyEngine engine, String holder, Duration lockWait) {
    ApplyHooks hooks =
        new ApplyHooks((p, d) -> Future.succeededFuture(true), new Progress<PlanAction>() {}, Promise.<Void>promise().future());
    return engine.apply(ApplyOptions.defaults(8, holder).withLock(true, lockWait, false), Optional.empty(), hooks);
  }

  /** The same mesh with another overlay MTU, so that a second apply has writes of its own to make. */
  private MeshSpec otherMtu() {
    MeshSpec s = mesh.spec;
    PeeringSpec p = new PeeringSpec(s.peering().fullMesh(), s.peering().links(), s.peering().address(), 1400);
    return new MeshSpec(s.source(), s.topology(), s.controllers(), s.root(), s.license(), s.keysetToken(), p, s.routing(), s.execution());
  }

  @Test
  void aWaitingApplyWritesOnlyAfterTheFirstHasWrittenEverything() throws Exception {
    Future<ApplyReport> first = apply(engine("a", mesh.spec), "a@host:1", Duration.ZERO);
    // Past the root's license reboot (a controller that cannot be read refuses any apply), with
    // the keysets, peers and routes still to write.
    long giveUp = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (log.of("a").stream().noneMatch(w -> w.call().equals("generateKeyset"))) {
      assertFalse(first.isComplete(), () -> "the first apply ended before generating the keyset: " + first.result());
      assertTrue(System.nanoTime() < giveUp, "the first apply generated no keyset within 2 minutes");
      Thread.sleep(2);
    }
    Future<ApplyReport> second = apply(engine("b", otherMtu()), "b@host:2", Duration.ofSeconds(30));
    assertEquals(ApplyOutcome.APPLIED, await(first).outcome());
    assertEquals(ApplyOutcome.APPLIED, await(second).outcome());
    List<WriteLog.Write> a = log.of("a");
    List<WriteLog.Write> b = log.of("b");
    assertFalse(b.isEmpty(), "the second apply changed the MTU");
    long lastOfA = a.stream().mapToLong(WriteLog.Write::endNanos).max().orElseThrow();
    long firstOfB = b.stream().mapToLong(WriteLog.Write::startNanos).min().orElseThrow();
    assertTrue(firstOfB > lastOfA, () -> "writes interleaved: " + log.writes);
  }

  @Test
  void aRefusedApplyWritesNothing() throws Exception {
    // Another run holds the lock (and renews it) for as long as this test needs. Taking it on a
    // fresh root needs variables that answer before the license.
    mesh.sim.variableReading(VariableReading.parse("unlicensed=answer"));
    MeshLock other = new MeshLock(vertx, new VariableLeaseStore(mesh.raw.get(mesh.spec.root())), CampaignMesh.LOCK, Clock.systemUTC());
    var held = await(other.acquire("a@host:1", Duration.ZERO));
    ApplyReport second = await(apply(engine("b", otherMtu()), "b@host:2", Duration.ZERO));
    assertEquals(ApplyOutcome.REFUSED, second.outcome());
    assertTrue(second.problems().get(0).message().contains("a@host:1"), second.problems()::toString);
    assertTrue(log.of("b").isEmpty(), () -> "the refused apply wrote: " + log.of("b"));
    await(held.release());
    ApplyReport after = await(apply(engine("b", otherMtu()), "b@host:2", Duration.ZERO));
    assertEquals(ApplyOutcome.APPLIED, after.outcome(), after::toString);
  }

  @Test
  void aLeaseLeftByADeadRunExpiresAndTheNextApplyTakesOver() throws Exception {
    mesh.sim.variableReading(VariableReading.parse("unlicensed=answer"));
    Instant now = Instant.now();
    await(new VariableLeaseStore(mesh.raw.get(mesh.spec.root())).create("meshctl_lock_x_1", new Lease("dead@host:9", "x", now, now.plusSeconds(2)).toJson()));
    ApplyReport refused = await(apply(engine("a", mesh.spec), "a@host:1", Duration.ZERO));
    assertEquals(ApplyOutcome.REFUSED, refused.outcome(), "the lease still stands");
    ApplyReport waited = await(apply(engine("a", mesh.spec), "a@host:1", Duration.ofSeconds(10)));
    assertEquals(ApplyOutcome.APPLIED, waited.outcome(), waited::toString);
  }
}
