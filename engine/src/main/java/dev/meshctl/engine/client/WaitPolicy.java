package dev.meshctl.engine.client;

import java.time.Duration;

/**
 * How meshctl waits for a controller that reboots or runs a background job: it polls, with a
 * timer between polls, never a sleeping thread.
 *
 * @param pollInterval the time from the start of one poll to the start of the next (a slow poll
 *     is followed at once by the next)
 * @param healthyStreak how many healthy {@code GET /config} answers in a row tell that a rebooted
 *     controller is back (a controller answers for a moment before it goes down, and flaps while
 *     it comes up)
 * @param goDownWindow how long to wait for the API to go away after a reboot was asked for; if it
 *     never does within this window the reboot is taken as done (it may have been quicker than
 *     the polls)
 * @param probeTimeout the request timeout of one poll, so that a hung connection counts as down
 */
public record WaitPolicy(
    Duration pollInterval, int healthyStreak, Duration goDownWindow, Duration probeTimeout) {

  public WaitPolicy {
    if (healthyStreak < 1) {
      throw new IllegalArgumentException("healthyStreak must be at least 1");
    }
  }

  /** What a real VNS3 controller needs, as the vendor's own client waits: 10 answers 1.5 s apart. */
  public static final WaitPolicy VNS3 =
      new WaitPolicy(Duration.ofMillis(1500), 10, Duration.ofSeconds(30), Duration.ofSeconds(5));

  /** For simulated controllers, which reboot in a fraction of a second. */
  public static final WaitPolicy SIMULATED =
      new WaitPolicy(Duration.ofMillis(50), 3, Duration.ofSeconds(2), Duration.ofSeconds(1));
}
