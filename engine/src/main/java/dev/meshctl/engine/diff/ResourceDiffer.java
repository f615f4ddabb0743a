package dev.meshctl.engine.diff;

/**
 * Compares one kind of resource of one controller with its live state. Adding a kind of resource
 * means adding one of these to {@link MeshDiffer}.
 */
interface ResourceDiffer {
  void diff(DiffContext ctx, DiffCollector out);
}
