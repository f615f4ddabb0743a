package dev.meshctl.engine.walk;

import java.time.Duration;
import java.util.List;

/**
 * The result of a walk: every node's outcome, in the order the nodes ended (nodes that never
 * started last, in graph order).
 *
 * @param outcomes one per node of the graph
 * @param cancelled whether the walk was cancelled before every node could run
 * @param elapsed wall time from the start of the walk to its end
 */
public record WalkReport<N>(List<NodeOutcome<N>> outcomes, boolean cancelled, Duration elapsed) {
  public WalkReport {
    outcomes = List.copyOf(outcomes);
  }

  /** The outcomes with the given status, in report order. */
  public List<NodeOutcome<N>> with(NodeStatus status) {
    return outcomes.stream().filter(o -> o.status() == status).toList();
  }

  /** Whether every node succeeded. */
  public boolean allSucceeded() {
    return outcomes.stream().allMatch(o -> o.status() == NodeStatus.SUCCEEDED);
  }
}
