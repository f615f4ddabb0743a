package dev.meshctl.engine.client;

import java.time.Duration;

/**
 * How meshctl waits for a controller that reboots or runs a background job: it polls, with a
 * timer between polls, never a sleeping thread.
 *
 * @param pollInterval the time from the start of one poll to the start of the next (a slow poll
 *     is followed at once by the next)
 * @param healthyStreak how many healthy {@code GET /config} answers tell that a controller
 *     rebooted by its license parameters is back (a controller answers for a moment before it
 *     goes down, and flaps while it comes up); a refused connection starts the count again
 * @param goDownWindow how long to wait for the API to go away after a reboot was asked for; if it
 *     never does within this window the reboot is taken as done (it may have been quicker than
 *     the polls)
 * @param probeTimeout the request timeout of one poll
 * @param keysetHealthyStreak the same count after the reboot that ends a keyset download
 * @param unauthorizedWindow how long a booting controller may answer 401 before the password is
 *     taken as wrong (the vendor's Go client counts 401 as still booting)
 */
public record WaitPolicy(
    Duration pollInterval,
    int healthyStreak,
    Duration goDownWindow,
    Duration probeTimeout,
    int keysetHealthyStreak,
    Duration unauthorizedWindow) {

  public WaitPolicy {
    if (healthyStreak < 1 || keysetHealthyStreak < 1) {
      throw new IllegalArgumentException("healthy streaks must be at least 1");
    }
  }

  /** One healthy count for both reboots; 401 allowed for the go-down window. */
  public WaitPolicy(Duration pollInterval, int healthyStreak, Duration goDownWindow, Duration probeTimeout) {
    this(pollInterval, healthyStreak, goDownWindow, probeTimeout, healthyStreak, goDownWindow);
  }

  /**
   * What a real VNS3 controller needs, as the vendor's own clients wait: 10 healthy answers 1.5 s
   * apart after the license (SDK {@code system_administration_api.py}, {@code wait_for_api}), 5
   * after a keyset download (Go client {@code cohesivenet/macros/config.go},
   * {@code FetchKeysetFromSource}), up to 30 s for the API to go down (SDK
   * {@code _wait_for_down}). How long 401 lasts while booting no source says; a minute is well
   * past any boot phase and still tells a wrong password within the reboot timeout.
   */
  public static final WaitPolicy VNS3 =
      new WaitPolicy(
          Duration.ofMillis(1500), 10, Duration.ofSeconds(30), Duration.ofSeconds(5), 5, Duration.ofSeconds(60));

  /** For simulated controllers, which reboot in a fraction of a second. */
  public static final WaitPolicy SIMULATED =
      new WaitPolicy(Duration.ofMillis(50), 3, Duration.ofSeconds(2), Duration.ofSeconds(1), 3, Duration.ofSeconds(2));
}
