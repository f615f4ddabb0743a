package dev.meshctl.dsl.model;

import java.time.Duration;

/**
 * How meshctl runs a plan against the controllers.
 *
 * @param parallelism the most actions running at once across the mesh; 0 for no limit. It
 *     protects the machine meshctl runs on, not the controllers: each controller is an appliance of
 *     its own, protected by {@code perController}
 * @param perController the most actions running at once on one controller; 0 for no limit
 * @param rebootTimeout how long to wait for a controller to come back after a reboot
 * @param keysetTimeout how long to wait for a keyset generation or download
 */
public record ExecutionSpec(int parallelism, int perController, Duration rebootTimeout, Duration keysetTimeout) {
  /**
   * No global limit: a full mesh has N·(N−1) peer links and as many routes, and a global cap
   * would be what bounds it, not the controllers (docs/benchmarks.md).
   */
  public static final int DEFAULT_PARALLELISM = 0;

  /**
   * One at a time per controller, all controllers at once: what the vendor's SDK macros do
   * ({@code cohesivenet/macros/peering.py} {@code peer_mesh}, through {@code __bulk_call_api(...,
   * parallelize=True)}).
   */
  public static final int DEFAULT_PER_CONTROLLER = 1;

  public static final Duration DEFAULT_REBOOT_TIMEOUT = Duration.ofMinutes(4);
  public static final Duration DEFAULT_KEYSET_TIMEOUT = Duration.ofMinutes(4);

  /** The given timeouts with the default limits. */
  public static ExecutionSpec withTimeouts(Duration rebootTimeout, Duration keysetTimeout) {
    return new ExecutionSpec(DEFAULT_PARALLELISM, DEFAULT_PER_CONTROLLER, rebootTimeout, keysetTimeout);
  }
}
