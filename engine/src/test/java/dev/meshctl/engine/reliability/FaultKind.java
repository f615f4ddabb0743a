package dev.meshctl.engine.reliability;

/** The faults the campaign injects during an apply. */
enum FaultKind {
  /** A burst of 502 Bad Gateway answers, as the appliance's proxy gives while busy. */
  BURST_502,
  /** A burst of 503 Service Unavailable answers. */
  BURST_503,
  /** Connections closed without an answer. */
  RESET,
  /** Requests that never answer, past the client's request timeout. */
  HANG,
  /** The controller's API goes away for a while and comes back. */
  DOWN,
  /**
   * The controller reboots: connections refused, then 502/503 from its proxy, then 401 while it
   * boots, then healthy.
   */
  REBOOT,
  /**
   * The controller reboots with a long 401 phase (150-450 ms, several of a client's retries): 401
   * while booting must be waited through in waits and fail a plain call cleanly.
   */
  BOOT_401,
  /** The next keyset download fails once. */
  KEYSET_FAILS_ONCE,
  /** Every call waits hundreds of milliseconds more for a while. */
  LATENCY_SPIKE,
  /**
   * 502/503 answers and resets on a controller from the moment it accepted its license
   * parameters, through the reboot they cause: a faulted poll must not pass for the reboot. Armed
   * on every run that draws it, it fires only where the apply sends license parameters.
   */
  LICENSE_REBOOT_FAULTS,
  /**
   * A second apply with {@code --break-lock} (approved) starts while the faulty apply runs: the
   * faulty one must stop starting actions once it notices, or finish first; both must end
   * converged or with a report that says why not, and nothing may be duplicated.
   */
  BREAK_LOCK
}
