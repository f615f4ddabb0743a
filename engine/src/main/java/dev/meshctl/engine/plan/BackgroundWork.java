package dev.meshctl.engine.plan;

import dev.meshctl.dsl.model.ExecutionSpec;
import java.time.Duration;

/**
 * What a controller does in the background after an action's call, and the action waits for: it
 * sets how long the action may take and how long it takes at the least.
 */
public enum BackgroundWork {
  /** A call and its answer. */
  NONE,
  /** Accepting license parameters reboots the controller. */
  REBOOT,
  /** The root's keyset job. */
  KEYSET_GENERATION,
  /** Another controller's keyset download, which ends in a reboot. */
  KEYSET_DOWNLOAD;

  /**
   * How long an action may take in all: a simple call a few request timeouts (the client retries
   * transient failures inside it), a call and a wait the spec's wait plus two request timeouts.
   */
  public Duration timeout(Duration request, ExecutionSpec ex) {
    return switch (this) {
      case NONE -> request.multipliedBy(4);
      case REBOOT -> ex.rebootTimeout().plus(request.multipliedBy(2));
      case KEYSET_GENERATION -> ex.keysetTimeout().plus(request.multipliedBy(2));
      // The download ends in a reboot, waited for under the reboot timeout.
      case KEYSET_DOWNLOAD -> ex.keysetTimeout().plus(ex.rebootTimeout()).plus(request.multipliedBy(2));
    };
  }

  /** How many requests the action needs at the least: the call, and one read that sees the end. */
  public int minimalRequests() {
    return this == NONE ? 1 : 2;
  }
}
