package dev.meshctl.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.engine.desired.DesiredMesh;
import dev.meshctl.engine.desired.MeshExpander;
import dev.meshctl.engine.diff.MeshDiff;
import dev.meshctl.engine.diff.MeshDiffer;
import dev.meshctl.engine.live.MeshState;
import dev.meshctl.engine.render.HumanRenderer;
import dev.meshctl.engine.render.Style;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.graph.DefaultEdge;

/**
 * Random specs against random live states (fresh, converged, drifted, unreadable): the plan is
 * acyclic, its order is topological, it is deterministic, and the dependency rules hold.
 */
class PlanDagProperties {

  @Property(tries = 150, seed = "20261126")
  void plansAreAcyclicOrderedAndDeterministic(@ForAll long seed) {
    Random rnd = new Random(seed);
    int n = 1 + rnd.nextInt(7);
    MeshSpec spec = RandomMeshes.spec(rnd, n);
    DesiredMesh mesh = MeshExpander.expand(spec);
    MeshState live = RandomMeshes.state(rnd, mesh);

    MeshDiff diff = MeshDiffer.diff(mesh, live);
    Plan plan = PlanBuilder.build(mesh, diff, live);

    assertFalse(new CycleDetector<>(plan.graph()).detectCycles());
    assertEquals(plan.graph().vertexSet().size(), plan.order().size());
    Map<PlanAction, Integer> index = new HashMap<>();
    for (PlanAction a : plan.order()) {
      index.put(a, index.size());
    }
    for (DefaultEdge e : plan.graph().edgeSet()) {
      assertTrue(index.get(plan.graph().getEdgeSource(e)) < index.get(plan.graph().getEdgeTarget(e)));
    }
    for (PlanAction a : plan.order()) {
      checkRules(plan, a);
    }

    Plan again = PlanBuilder.build(mesh, MeshDiffer.diff(mesh, live), live);
    HumanRenderer r = new HumanRenderer(Style.PLAIN);
    assertEquals(r.plan(plan, diff), r.plan(again, diff));
  }

  /** The rules, checked against a simple reference: which prerequisites must precede what. */
  private static void checkRules(Plan plan, PlanAction a) {
    List<PlanAction> before = plan.order().subList(0, plan.order().indexOf(a));
    String c = a.controller();
    if (a instanceof SetPeerId || a instanceof SetNames || a instanceof CreateRoute) {
      before(plan, before, FetchKeyset.class, c, a);
    }
    if (a instanceof UploadLicense) {
      before(plan, before, SetNames.class, c, a);
    }
    if (a instanceof FetchKeyset f) {
      before(plan, before, GenerateKeyset.class, f.sourceController(), a);
    }
    if (a instanceof CreatePeer p) {
      before(plan, before, SetPeerId.class, c, a);
      before(plan, before, FetchKeyset.class, p.peerController(), a);
      before(plan, before, GenerateKeyset.class, p.peerController(), a);
    }
    if (a instanceof DeletePeer) {
      assertTrue(plan.dependencies(a).isEmpty());
    }
  }

  private static void before(
      Plan plan, List<PlanAction> before, Class<?> type, String controller, PlanAction a) {
    boolean planned =
        plan.order().stream().anyMatch(x -> type.isInstance(x) && x.controller().equals(controller));
    if (planned) {
      assertTrue(
          before.stream().anyMatch(x -> type.isInstance(x) && x.controller().equals(controller)),
          () -> type.getSimpleName() + " on " + controller + " must precede " + a);
    }
  }
}
