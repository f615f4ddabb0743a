package dev.meshctl.simulator;

/** Whether a simulated controller's listener is open. */
public enum ControllerStatus {
  /** Answering. */
  UP,
  /** Taken down by the admin API or {@link SimulatedController#down()}: connections refused. */
  DOWN,
  /** Rebooting: answering briefly, then refusing connections, then answering again. */
  REBOOTING
}
