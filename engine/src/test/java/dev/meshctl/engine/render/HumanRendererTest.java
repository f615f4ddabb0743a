package dev.meshctl.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.engine.desired.DesiredMesh;
import dev.meshctl.engine.desired.MeshExpander;
import dev.meshctl.engine.diff.MeshDiff;
import dev.meshctl.engine.diff.MeshDiffer;
import dev.meshctl.engine.diff.MeshFixtures;
import dev.meshctl.engine.live.MeshState;
import dev.meshctl.engine.plan.Plan;
import dev.meshctl.engine.plan.PlanBuilder;
import org.junit.jupiter.api.Test;

class HumanRendererTest {
  private final DesiredMesh mesh = MeshExpander.expand(MeshFixtures.spec(2));
  private final MeshState fresh = MeshFixtures.fresh(mesh);
  private final MeshDiff diff = MeshDiffer.diff(mesh, fresh);
  private final Plan plan = PlanBuilder.build(mesh, diff, fresh);

  @Test
  void diffGroupsPerControllerWithSymbolsFieldsAndACount() {
    String out = new HumanRenderer(Style.PLAIN).diff(diff);
    assertTrue(out.startsWith("controller[\"ctl-01\"]\n  + controller[\"ctl-01\"].license\n"), out);
    assertTrue(out.contains("      text       = (sensitive)\n"), out);
    assertTrue(out.contains("  + controller[\"ctl-02\"].peer[1]\n      name        = 10.0.1.10\n"), out);
    assertTrue(out.endsWith("\n13 to add, 0 to change, 0 to delete.\n"), out);
    assertFalse(out.contains("LICENSE-TEXT"));
    assertFalse(out.contains("keyset-token"));
    assertFalse(out.contains("\u001b["));
  }

  @Test
  void planListsStepsPerControllerWithWhatTheyWaitFor() {
    String out = new HumanRenderer(Style.PLAIN).plan(plan, diff);
    assertTrue(out.contains("     1. + controller[\"ctl-01\"].names: set names\n"), out);
    assertTrue(out.contains("     2. + controller[\"ctl-01\"].license: upload license (after 1)\n"), out);
    assertTrue(
        out.contains(
            "     3. + controller[\"ctl-01\"].license: accept license parameters and wait for the"
                + " reboot (after 2)\n          default=true\n"),
        out);
    assertTrue(
        out.contains(
            "description=\"meshctl: peer route to ctl-02\"\n"),
        out);
    assertTrue(
        out.endsWith(
            "Plan: 13 to add, 0 to change, 0 to delete; 14 actions"
                + " (controller[\"ctl-01\"].license takes 2).\n"),
        out);
  }

  @Test
  void colourIsOnlyThereWhenAskedFor() {
    String out = new HumanRenderer(Style.COLOR).diff(diff);
    assertTrue(out.contains("\u001b[32m+\u001b[0m"));
  }

  @Test
  void noChangesSaysSo() {
    MeshState converged = MeshFixtures.converged(mesh);
    MeshDiff none = MeshDiffer.diff(mesh, converged);
    String out = new HumanRenderer(Style.PLAIN).diff(none);
    assertTrue(out.endsWith("No changes: the controllers match the spec.\n"), out);
    // System routes are summed up in one line, not listed per route.
    assertTrue(out.contains("system or learned routes on"), out);
    assertFalse(out.contains("].route[\"224.0.0.0/4\"]"), out);
    assertEquals(
        "No changes: the controllers match the spec.\n",
        new HumanRenderer(Style.PLAIN).plan(PlanBuilder.build(mesh, none, converged), none));
  }

  @Test
  void nothingToChangeUnderBlockingProblemsSaysApplyIsBlockedNotThatTheControllersMatch() {
    MeshState converged = MeshFixtures.converged(mesh);
    MeshDiff none = MeshDiffer.diff(mesh, converged);
    MeshDiff withProblem =
        new MeshDiff(
            none.changes(),
            none.ignored(),
            java.util.List.of(
                dev.meshctl.dsl.diag.Diagnostic.error("its keyset differs from the root's", null, "controller[\"ctl-02\"].keyset")),
            none.unreadable());
    Plan blocked = PlanBuilder.build(mesh, withProblem, converged);
    for (String out :
        java.util.List.of(
            new HumanRenderer(Style.PLAIN).diff(withProblem), new HumanRenderer(Style.PLAIN).plan(blocked, withProblem))) {
      assertFalse(out.contains("No changes: the controllers match the spec."), out);
      assertTrue(out.contains("Problems meshctl will not fix (apply refuses to run):\n"), out);
      assertTrue(out.endsWith("Apply is blocked by the problems above; nothing else differs.\n"), out);
    }
    assertTrue(
        MarkdownRenderer.plan(blocked, withProblem, "mesh.yaml")
            .endsWith("Apply is blocked by the problems above; nothing else differs.\n"));

    MeshState oneUnread = MeshFixtures.unreadable(converged, "ctl-02", "GET /config: timeout");
    MeshDiff unread = MeshDiffer.diff(mesh, oneUnread);
    assertTrue(
        new HumanRenderer(Style.PLAIN)
            .diff(unread)
            .endsWith("Apply is blocked: 1 controller could not be read; nothing differs on the others.\n"));
  }

  @Test
  void changesUnderBlockingProblemsEndWithApplyBeingBlocked() {
    MeshDiff unread = MeshDiffer.diff(mesh, MeshFixtures.unreadable(fresh, "ctl-02", "GET /config: timeout"));
    String out = new HumanRenderer(Style.PLAIN).plan(PlanBuilder.build(mesh, unread, fresh), unread);
    assertTrue(out.endsWith("takes 2).\nApply is blocked until the problems above are solved.\n"), out);
  }

  /**
   * The plan in front of the prompt shows what an update changes from, and a replace as {@code -/+}
   * on both halves with their order. Golden file; rewrite with {@code -Dmeshctl.golden.update=true}.
   */
  @Test
  void planShowsOldValuesAndReplacesWithTheirOrder() throws java.io.IOException {
    MeshState converged = MeshFixtures.converged(mesh);
    MeshState drifted =
        MeshFixtures.with(
            converged,
            "ctl-02",
            s -> {
              java.util.SortedMap<Integer, dev.meshctl.engine.live.PeerLink> peers =
                  new java.util.TreeMap<>(s.peering().peers());
              peers.replaceAll(
                  (id, p) ->
                      p.self()
                          ? p
                          : new dev.meshctl.engine.live.PeerLink(
                              p.id(), p.address(), p.reachable(), 1400, false, p.notSet()));
              java.util.List<dev.meshctl.engine.live.LiveRoute> routes =
                  s.routes().stream()
                      .map(
                          r ->
                              r.editable()
                                  ? new dev.meshctl.engine.live.LiveRoute(
                                      r.id(), r.cidr(), r.gateway(), r.iface(), r.advertise(), 7,
                                      r.description(), r.enabled(), true)
                                  : r)
                      .toList();
              return MeshFixtures.withRoutes(MeshFixtures.withPeers(s, peers), routes);
            });
    MeshDiff d = MeshDiffer.diff(mesh, drifted);
    String out = new HumanRenderer(Style.PLAIN).plan(PlanBuilder.build(mesh, d, drifted), d);
    java.nio.file.Path file =
        java.nio.file.Path.of("src/test/resources/dev/meshctl/engine/render/human/drift-plan.txt");
    if (Boolean.getBoolean("meshctl.golden.update") || !java.nio.file.Files.exists(file)) {
      java.nio.file.Files.createDirectories(file.getParent());
      java.nio.file.Files.writeString(file, out);
    }
    assertEquals(
        java.nio.file.Files.readString(file),
        out,
        "golden file " + file + " (update: -Dmeshctl.golden.update=true)");
    assertTrue(out.contains(" = 1400 -> 1500\n"), out);
    assertTrue(out.contains(" = 7 -> 0\n"), out);
    assertTrue(out.contains("-/+ controller[\"ctl-02\"].route["), out);
    assertTrue(out.contains("(replace: delete at "), out);
  }
}
