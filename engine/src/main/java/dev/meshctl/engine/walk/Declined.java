package dev.meshctl.engine.walk;

/**
 * How a node's work says it did not start at all (the apply lock was lost before it): the walk
 * counts it {@link NodeStatus#NOT_STARTED}, not failed, and skips none of its dependents for it;
 * they are left not started too when the walk is cancelled.
 */
public final class Declined extends RuntimeException {
  public Declined(String why) {
    super(why, null, false, false);
  }
}
