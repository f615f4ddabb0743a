package dev.meshctl.engine.render;

import dev.meshctl.engine.diff.MeshDiff;

/** The closing counts of a diff or plan: resources to add, change and delete. */
public record PlanSummary(int add, int change, int delete) {
  public static PlanSummary of(MeshDiff diff) {
    return new PlanSummary(diff.toAdd(), diff.toChange(), diff.toDelete());
  }

  @Override
  public String toString() {
    return add + " to add, " + change + " to change, " + delete + " to delete.";
  }
}
