package dev.meshctl.dsl.model;

import java.time.Duration;

/**
 * How meshctl runs a plan against the controllers.
 *
 * @param parallelism the most actions running at once across the mesh
 * @param rebootTimeout how long to wait for a controller to come back after a reboot
 * @param keysetTimeout how long to wait for a keyset generation or download
 */
public record ExecutionSpec(int parallelism, Duration rebootTimeout, Duration keysetTimeout) {
  public static final int DEFAULT_PARALLELISM = 10;
  public static final Duration DEFAULT_REBOOT_TIMEOUT = Duration.ofMinutes(4);
  public static final Duration DEFAULT_KEYSET_TIMEOUT = Duration.ofMinutes(4);
}
