package dev.meshctl.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meshctl.engine.address.ResourceAddress;
import dev.meshctl.engine.diff.Action;
import dev.meshctl.engine.diff.Change;
import dev.meshctl.engine.diff.MeshDiff;
import dev.meshctl.engine.plan.DeleteRoute;
import dev.meshctl.engine.plan.Plan;
import dev.meshctl.engine.plan.PlanAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;
import org.junit.jupiter.api.Test;

/** The plan's closing line adds up for every mix of adds, changes, deletes and replaces. */
class PlanSummaryTest {

  @Test
  void everyCombinationAddsUp() {
    for (int create = 0; create <= 2; create++) {
      for (int update = 0; update <= 2; update++) {
        for (int delete = 0; delete <= 2; delete++) {
          for (int replace = 0; replace <= 2; replace++) {
            for (int twoStep = 0; twoStep <= 1; twoStep++) {
              for (int blocked = 0; blocked <= 1; blocked++) {
                check(create, update, delete, replace, twoStep, blocked);
              }
            }
          }
        }
      }
    }
  }

  @Test
  void aLicenseOfTwoActionsIsNamed() {
    Fixture f = new Fixture();
    f.change(Action.CREATE, 1);
    f.change(Action.CREATE, 2);
    assertEquals(
        "2 to add, 0 to change, 0 to delete; 3 actions (controller[\"c\"].route[\"10.0.1.0/32\"]"
            + " takes 2).",
        f.line());
  }

  @Test
  void aReplaceIsOneAddAndOneDeleteInTwoActions() {
    Fixture f = new Fixture();
    f.change(Action.REPLACE, 2);
    assertEquals("1 to add, 0 to change, 1 to delete.", f.line());
  }

  @Test
  void aChangeWithoutActionIsNamed() {
    Fixture f = new Fixture();
    f.change(Action.UPDATE, 0);
    f.change(Action.UPDATE, 1);
    assertEquals(
        "0 to add, 2 to change, 0 to delete; 1 action (controller[\"c\"].route[\"10.0.0.0/32\"]"
            + " takes none).",
        f.line());
  }

  private static void check(int create, int update, int delete, int replace, int twoStep, int blocked) {
    Fixture f = new Fixture();
    for (int i = 0; i < create; i++) {
      f.change(Action.CREATE, i < twoStep ? 2 : 1);
    }
    for (int i = 0; i < update; i++) {
      f.change(Action.UPDATE, i < blocked ? 0 : 1);
    }
    for (int i = 0; i < delete; i++) {
      f.change(Action.DELETE, 1);
    }
    for (int i = 0; i < replace; i++) {
      f.change(Action.REPLACE, 2);
    }
    String line = f.line();
    String what = create + "/" + update + "/" + delete + "/" + replace + "/" + twoStep + "/" + blocked + ": " + line;
    int add = create + replace;
    int del = delete + replace;
    String counts = add + " to add, " + update + " to change, " + del + " to delete";
    int actions = f.actions.size();
    int sum = add + update + del;
    if (actions == sum) {
      assertEquals(counts + ".", line, what);
      return;
    }
    // The named resources account for every action beyond (or short of) the resource counts.
    int named = 0;
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("takes (\\d+|none)").matcher(line);
    int extra = 0;
    while (m.find()) {
      named++;
      int takes = m.group(1).equals("none") ? 0 : Integer.parseInt(m.group(1));
      extra += takes - 1;
    }
    assertEquals(
        counts + "; " + actions + (actions == 1 ? " action" : " actions"),
        line.substring(0, line.indexOf(" (")),
        what);
    assertEquals(sum + extra, actions, what);
    assertEquals((create > 0 ? twoStep : 0) + (update > 0 ? blocked : 0), named, what);
  }

  /** Changes on distinct route addresses, each with a given number of actions. */
  private static final class Fixture {
    final List<Change> changes = new ArrayList<>();
    final List<PlanAction> actions = new ArrayList<>();

    void change(Action action, int actionCount) {
      ResourceAddress address = ResourceAddress.route("c", "10.0." + changes.size() + ".0/32");
      changes.add(new Change(address, action, List.of(), Optional.empty(), Optional.empty()));
      for (int i = 0; i < actionCount; i++) {
        actions.add(new DeleteRoute(address, "id-" + actions.size(), "cidr"));
      }
    }

    String line() {
      DirectedAcyclicGraph<PlanAction, DefaultEdge> graph = new DirectedAcyclicGraph<>(DefaultEdge.class);
      actions.forEach(graph::addVertex);
      Plan plan = Plan.of(graph, new TreeMap<>(), List.of());
      return PlanSummary.line(
          plan, new MeshDiff(changes, List.of(), List.of(), new TreeMap<>()));
    }
  }
}
