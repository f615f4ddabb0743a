package dev.meshctl.engine.kind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.engine.address.ResourceKind;
import dev.meshctl.engine.desired.Cidrs;
import dev.meshctl.engine.desired.DesiredController;
import dev.meshctl.engine.desired.DesiredMesh;
import dev.meshctl.engine.desired.DesiredResource;
import dev.meshctl.engine.desired.MeshExpander;
import dev.meshctl.engine.diff.Action;
import dev.meshctl.engine.diff.Change;
import dev.meshctl.engine.diff.DiffCollector;
import dev.meshctl.engine.diff.DiffContext;
import dev.meshctl.engine.diff.MeshDiff;
import dev.meshctl.engine.diff.MeshDiffer;
import dev.meshctl.engine.live.MeshState;
import dev.meshctl.engine.plan.ActionType;
import dev.meshctl.engine.plan.CreateRoute;
import dev.meshctl.engine.plan.DeleteRoute;
import dev.meshctl.engine.plan.FetchKeyset;
import dev.meshctl.engine.plan.PeerLinkWrite;
import dev.meshctl.engine.plan.Plan;
import dev.meshctl.engine.plan.PlanAction;
import dev.meshctl.engine.plan.PlanActionType;
import dev.meshctl.engine.plan.PlanBuilder;
import dev.meshctl.engine.plan.PlanContext;
import dev.meshctl.engine.plan.PlanTransformer;
import dev.meshctl.engine.plan.RandomMeshes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.jgrapht.alg.cycle.CycleDetector;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of every kind, against a reference written as reachability: for random
 * meshes and live states, whatever must happen before an action is among its ancestors in the
 * plan graph (not merely earlier in one order). And the reference has teeth: without any one of
 * the rules, some random mesh breaks it.
 */
class DependencyRulesProperties {
  private static final Set<ActionType> LICENSING =
      Set.of(
          PlanActionType.UPLOAD_LICENSE,
          PlanActionType.ACCEPT_LICENSE_PARAMETERS,
          PlanActionType.FETCH_KEYSET);
  private static final Set<ActionType> KEYSET =
      Set.of(
          PlanActionType.UPLOAD_LICENSE,
          PlanActionType.ACCEPT_LICENSE_PARAMETERS,
          PlanActionType.GENERATE_KEYSET,
          PlanActionType.FETCH_KEYSET);

  /** How many seeded meshes the mutation check tries per dropped rule. */
  private static final int SEEDS = 300;

  @Property(tries = 200, seed = "20261202")
  void everyPrerequisiteIsAnAncestor(@ForAll long seed) {
    Sample sample = Sample.random(seed, ResourceKinds.STANDARD);
    assertFalse(new CycleDetector<>(sample.plan().graph()).detectCycles());
    assertEquals(List.of(), violations(sample), () -> "seed " + seed);
  }

  @Test
  void withoutAnyOneRuleSomeMeshBreaksTheReference() {
    for (long seed = 1; seed <= SEEDS; seed++) {
      assertEquals(List.of(), violations(Sample.random(seed, ResourceKinds.STANDARD)), "seed " + seed);
    }
    List<ResourceHandler> handlers = ResourceKinds.STANDARD.handlers();
    for (int h = 0; h < handlers.size(); h++) {
      for (int r = 0; r < handlers.get(h).rules().size(); r++) {
        List<ResourceHandler> fewer = new ArrayList<>(handlers);
        fewer.set(h, new WithoutRule(handlers.get(h), r));
        ResourceKinds kinds = new ResourceKinds(fewer);
        boolean caught = false;
        for (long seed = 1; seed <= SEEDS && !caught; seed++) {
          caught = !violations(Sample.random(seed, kinds)).isEmpty();
        }
        assertTrue(caught, "rule " + r + " of " + handlers.get(h).kind().label() + " is never needed");
      }
    }
  }

  /** A random mesh and live state, and what {@code kinds} make of them. */
  private record Sample(DesiredMesh mesh, MeshDiff diff, Plan plan) {
    static Sample random(long seed, ResourceKinds kinds) {
      Random rnd = new Random(seed);
      DesiredMesh mesh = MeshExpander.expand(RandomMeshes.spec(rnd, 1 + rnd.nextInt(7)));
      MeshState live = RandomMeshes.state(rnd, mesh);
      MeshDiff diff = MeshDiffer.diff(mesh, live, kinds.handlers());
      return new Sample(mesh, diff, PlanBuilder.build(mesh, diff, live, kinds));
    }
  }

  /** What the rules promise, each as "X must be an ancestor of Y", broken in the sample's plan. */
  private static List<String> violations(Sample sample) {
    List<String> out = new ArrayList<>();
    Plan plan = sample.plan();
    Ancestry g = new Ancestry(plan);
    for (PlanAction a : plan.order()) {
      String c = a.controller();
      ActionType t = a.actionType();
      if (t == PlanActionType.ACCEPT_LICENSE_PARAMETERS) {
        g.require(out, a, c, Set.of(PlanActionType.UPLOAD_LICENSE));
      } else if (t == PlanActionType.GENERATE_KEYSET) {
        g.require(out, a, c, Set.of(PlanActionType.UPLOAD_LICENSE, PlanActionType.ACCEPT_LICENSE_PARAMETERS));
      } else if (t == PlanActionType.FETCH_KEYSET) {
        g.require(out, a, ((FetchKeyset) a).sourceController(), KEYSET);
      } else if (t == PlanActionType.SET_NAMES) {
        if (g.planned(c, Set.of(PlanActionType.FETCH_KEYSET))) {
          g.require(out, a, c, Set.of(PlanActionType.FETCH_KEYSET));
        } else {
          g.requireBefore(out, a, c, Set.of(PlanActionType.UPLOAD_LICENSE, PlanActionType.ACCEPT_LICENSE_PARAMETERS));
        }
      } else if (t == PlanActionType.SET_PEER_ID) {
        g.require(out, a, c, KEYSET);
      } else if (t == PlanActionType.CREATE_ROUTE) {
        g.require(out, a, c, LICENSING);
        // The delete half of a replace: the diff's REPLACE names the live route it removes.
        sample.diff().changes().stream()
            .filter(ch -> ch.action() == Action.REPLACE && ch.address().equals(a.address()))
            .flatMap(ch -> plan.order().stream()
                .filter(d -> d instanceof DeleteRoute dr
                    && d.controller().equals(a.controller())
                    && dr.routeId().equals(ch.liveId().orElseThrow())))
            .forEach(d -> g.requireAncestor(out, d, a));
      } else if (a instanceof PeerLinkWrite p) {
        String d = p.peerController();
        g.require(out, a, c, Set.of(PlanActionType.SET_PEER_ID));
        g.require(out, a, c, KEYSET);
        g.require(out, a, d, KEYSET);
        Optional<String> host = sample.mesh().controller(d).map(DesiredController::privateIp).map(Cidrs::hostRoute);
        plan.order().stream()
            .filter(r -> r instanceof CreateRoute cr && r.controller().equals(c) && host.equals(Optional.of(cr.cidr())))
            .forEach(r -> g.requireAncestor(out, r, a));
      } else if (a.deletes()) {
        if (!plan.dependencies(a).isEmpty()) {
          out.add(a + " waits for nothing but has " + plan.dependencies(a));
        }
      }
    }
    return out;
  }

  /** Reachability questions about one plan's graph. */
  private static final class Ancestry {
    final Plan plan;

    Ancestry(Plan plan) {
      this.plan = plan;
    }

    boolean planned(String controller, Set<ActionType> types) {
      return plan.order().stream().anyMatch(x -> x.controller().equals(controller) && types.contains(x.actionType()));
    }

    /** Every planned action of {@code types} on {@code controller} is an ancestor of {@code a}. */
    void require(List<String> out, PlanAction a, String controller, Set<ActionType> types) {
      plan.order().stream()
          .filter(x -> x != a && x.controller().equals(controller) && types.contains(x.actionType()))
          .forEach(x -> requireAncestor(out, x, a));
    }

    /** {@code a} is an ancestor of every planned action of {@code types} on {@code controller}. */
    void requireBefore(List<String> out, PlanAction a, String controller, Set<ActionType> types) {
      plan.order().stream()
          .filter(x -> x.controller().equals(controller) && types.contains(x.actionType()))
          .forEach(x -> requireAncestor(out, a, x));
    }

    void requireAncestor(List<String> out, PlanAction before, PlanAction after) {
      if (!plan.graph().getAncestors(after).contains(before)) {
        out.add(before + " must come before " + after);
      }
    }
  }

  /** A handler with one of its rules left out. */
  private record WithoutRule(ResourceHandler h, int dropped) implements ResourceHandler {
    @Override
    public ResourceKind kind() {
      return h.kind();
    }

    @Override
    public List<? extends DesiredResource> desired(DesiredController controller) {
      return h.desired(controller);
    }

    @Override
    public void diff(DiffContext ctx, DiffCollector out) {
      h.diff(ctx, out);
    }

    @Override
    public List<ActionType> actionTypes() {
      return h.actionTypes();
    }

    @Override
    public void plan(Change change, PlanContext ctx) {
      h.plan(change, ctx);
    }

    @Override
    public List<PlanTransformer> rules() {
      List<PlanTransformer> rules = new ArrayList<>(h.rules());
      rules.remove(dropped);
      return rules;
    }
  }
}
