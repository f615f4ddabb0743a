package dev.meshctl.engine.live;

/**
 * The outcome of reading one controller: its state, or why it could not be read (unreachable,
 * refused credentials, TLS failure, malformed answer). One controller's failure never hides the
 * others.
 */
public sealed interface ControllerObservation {
  String controller();

  record Observed(ControllerState state) implements ControllerObservation {
    @Override
    public String controller() {
      return state.controller();
    }
  }

  /**
   * @param reason a clear sentence naming the call that failed, e.g. "GET /config: connection
   *     refused"
   */
  record Unreadable(String controller, String reason) implements ControllerObservation {}
}
