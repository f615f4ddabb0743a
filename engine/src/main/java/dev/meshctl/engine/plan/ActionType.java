package dev.meshctl.engine.plan;

import dev.meshctl.engine.address.ResourceAddress;

/**
 * What kind of step an action is: its name in plan files, its words in output, where it sorts and
 * how a saved plan's entry becomes an action again. The built-in types are {@link
 * PlanActionType}; a resource handler for a new kind declares its own.
 */
public interface ActionType {
  /** The snake-case name used in plan files, e.g. {@code fetch_keyset}. */
  String id();

  /** What the action does, in words, e.g. {@code fetch keyset from the root and wait}. */
  String description();

  /**
   * Where actions of this type sort among actions of one resource ready at the same time (an
   * upload before its acceptance, a delete before a create); ties break on {@link #id()}.
   */
  int rank();

  /**
   * Reads an action of this type back from a saved plan.
   *
   * @throws IllegalArgumentException naming what is missing or wrong
   */
  PlanAction read(ResourceAddress at, ActionParameters parameters);
}
