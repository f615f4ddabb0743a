package dev.meshctl.engine.reliability;

/** Where a campaign run's controllers start from. */
enum StartingState {
  /** Factory fresh: unlicensed, no keyset, no peers. */
  FRESH,
  /** A converging apply stopped after a random prefix of its actions. */
  PARTIAL,
  /** Converged, then edited by hand through the API. */
  DRIFTED
}
