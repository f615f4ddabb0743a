package dev.meshctl.engine.walk;

/** How one node of a walked graph ended. */
public enum NodeStatus {
  /** Its work completed. */
  SUCCEEDED,
  /** Its work failed; its descendants are {@link #SKIPPED}. */
  FAILED,
  /** Never started because an ancestor failed. */
  SKIPPED,
  /** Never started because the walk was cancelled before it became its turn. */
  NOT_STARTED
}
