package dev.meshctl.engine.diff;

/**
 * Compares one kind of resource of one controller with its live state: the diff half of a
 * resource handler ({@code dev.meshctl.engine.kind}).
 */
public interface ResourceDiffer {
  void diff(DiffContext ctx, DiffCollector out);
}
