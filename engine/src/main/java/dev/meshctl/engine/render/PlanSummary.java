package dev.meshctl.engine.render;

import dev.meshctl.engine.address.ResourceAddress;
import dev.meshctl.engine.diff.Action;
import dev.meshctl.engine.diff.Change;
import dev.meshctl.engine.diff.MeshDiff;
import dev.meshctl.engine.plan.Plan;
import dev.meshctl.engine.plan.PlanAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The closing counts of a diff or plan: resources to add, change and delete, counted as
 * Terraform does (a replace is one add and one delete).
 */
public record PlanSummary(int add, int change, int delete) {
  /** How many addresses are named before the rest are only counted. */
  private static final int NAMED = 3;

  public static PlanSummary of(MeshDiff diff) {
    return new PlanSummary(diff.toAdd(), diff.toChange(), diff.toDelete());
  }

  @Override
  public String toString() {
    return add + " to add, " + change + " to change, " + delete + " to delete.";
  }

  /**
   * The plan's closing line. Resources are counted as in {@link #toString()}; the number of actions
   * follows only when it differs from that sum, with the resources that make the difference
   * named (a license takes an upload and an acceptance), so the line always adds up.
   */
  public static String line(Plan plan, MeshDiff diff) {
    PlanSummary s = of(diff);
    int actions = plan.order().size();
    if (actions == s.add + s.change + s.delete) {
      return s.toString();
    }
    // What the counts give each resource (a replace counts twice), against what the plan runs.
    Map<ResourceAddress, int[]> expectedAndRun = new TreeMap<>();
    for (Change c : diff.changes()) {
      expectedAndRun.computeIfAbsent(c.address(), k -> new int[2])[0] +=
          c.action() == Action.REPLACE ? 2 : 1;
    }
    for (PlanAction a : plan.order()) {
      expectedAndRun.computeIfAbsent(a.address(), k -> new int[2])[1]++;
    }
    List<String> differing = new ArrayList<>();
    expectedAndRun.forEach(
        (address, n) -> {
          if (n[0] != n[1]) {
            differing.add(address + " takes " + (n[1] == 0 ? "none" : String.valueOf(n[1])));
          }
        });
    String why =
        differing.size() <= NAMED
            ? String.join(", ", differing)
            : String.join(", ", differing.subList(0, NAMED))
                + " and "
                + (differing.size() - NAMED)
                + " more";
    return s.toString().substring(0, s.toString().length() - 1)
        + "; "
        + actions
        + (actions == 1 ? " action" : " actions")
        + (why.isEmpty() ? "." : " (" + why + ").");
  }
}
