package dev.meshctl.engine.reconcile;

import static dev.meshctl.engine.diff.MeshFixtures.converged;
import static dev.meshctl.engine.diff.MeshFixtures.freshController;
import static dev.meshctl.engine.diff.MeshFixtures.spec;
import static dev.meshctl.engine.diff.MeshFixtures.with;
import static dev.meshctl.engine.diff.MeshFixtures.withPeers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.engine.desired.DesiredMesh;
import dev.meshctl.engine.desired.MeshExpander;
import dev.meshctl.engine.diff.MeshDiffer;
import dev.meshctl.engine.live.MeshState;
import dev.meshctl.engine.live.PeerLink;
import dev.meshctl.engine.plan.CreatePeer;
import dev.meshctl.engine.plan.Plan;
import dev.meshctl.engine.plan.PlanAction;
import dev.meshctl.engine.plan.PlanBuilder;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RepairablePlanTest {
  private final DesiredMesh mesh = MeshExpander.expand(spec(4));

  /** ctl-02 lost its link to peer 3; ctl-04 came back fresh. */
  private MeshState drifted() {
    MeshState s =
        with(converged(mesh), "ctl-02", c -> {
          TreeMap<Integer, PeerLink> peers = new TreeMap<>(c.peering().peers());
          peers.remove(3);
          return withPeers(c, peers);
        });
    return with(s, "ctl-04", c -> freshController(mesh.controller("ctl-04").orElseThrow()));
  }

  private Plan plan(MeshState s) {
    return PlanBuilder.build(mesh, MeshDiffer.diff(mesh, s), s);
  }

  @Test
  void actionsOnAnUntouchableControllerAreHeldBackAndTheRestRuns() {
    Plan full = plan(drifted());
    RepairablePlan part = RepairablePlan.of(full, Set.of("ctl-04"));
    assertFalse(part.withheld().isEmpty());
    assertTrue(part.withheld().stream().allMatch(a -> a.controller().equals("ctl-04")), part.withheld()::toString);
    assertEquals(1, part.plan().order().size(), part.plan().order()::toString);
    assertTrue(part.plan().order().get(0) instanceof CreatePeer p && p.controller().equals("ctl-02"));
    assertTrue(part.plan().blocking().isEmpty());
    assertEquals(full.order().size(), part.plan().order().size() + part.withheld().size());
  }

  @Test
  void aDownloadFromAnUntouchableSourceAndAllThatWaitsForItAreHeldBack() {
    Plan full = plan(drifted());
    RepairablePlan part = RepairablePlan.of(full, Set.of(mesh.root()));
    // ctl-04 fetches its keyset from the root: that and everything after it waits.
    assertTrue(part.withheld().stream().anyMatch(a -> a.controller().equals("ctl-04") && a.type().equals("fetch_keyset")), part.withheld()::toString);
    for (PlanAction a : part.plan().order()) {
      for (PlanAction d : part.withheld()) {
        assertFalse(full.dependencies(a).contains(d), () -> a + " depends on withheld " + d);
      }
    }
    assertTrue(part.plan().order().stream().anyMatch(a -> a.controller().equals("ctl-02")));
  }

  @Test
  void nothingUntouchableKeepsThePlanWhole() {
    Plan full = plan(drifted());
    RepairablePlan part = RepairablePlan.of(full, Set.of());
    assertEquals(full.order(), part.plan().order());
    assertEquals(full.graph().edgeSet().size(), part.plan().graph().edgeSet().size());
  }
}
