package dev.meshctl.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a simulated controller takes for the things a real one takes time for.
 *
 * <p>A boot (after {@code PUT /license/parameters}, {@code PUT /server}, a keyset download, or
 * the admin API's down/up, reboot and wipe) goes through the phases a real appliance shows a
 * client: the API keeps answering for {@code rebootDelay}, then connections are refused for
 * {@code rebootDuration}, then the front proxy answers 502/503 for {@code proxyPhase}, then the
 * API answers 401 "Unauthorized" for {@code unauthorizedPhase} (the vendor's Go client counts
 * that as still booting), then it is healthy.
 *
 * @param latencyFixed added to every {@code /api} request
 * @param latencyJitter up to this much more, drawn from the simulator's seeded random source
 * @param rebootDelay how long the API keeps answering after a reboot was asked for
 * @param rebootDuration how long the listener stays closed (connections refused)
 * @param keysetGeneration how long {@code PUT /keyset {"token"}} runs in the background
 * @param keysetDownload how long {@code PUT /keyset {"source","token"}} runs before it copies
 *     the keyset from its source
 * @param proxyPhase how long, once the listener is back, every request is answered 502 or 503
 * @param unauthorizedPhase how long after that every request is answered 401 "Unauthorized"
 */
public record SimTimings(
    Duration latencyFixed,
    Duration latencyJitter,
    Duration rebootDelay,
    Duration rebootDuration,
    Duration keysetGeneration,
    Duration keysetDownload,
    Duration proxyPhase,
    Duration unauthorizedPhase) {

  /**
   * Fast but not zero, so a demo shows the waiting; the 502/503 and 401 phases are never zero by
   * default so every client of the simulator rides through them.
   */
  public static final SimTimings DEFAULTS =
      new SimTimings(
          Duration.ofMillis(2),
          Duration.ofMillis(3),
          Duration.ofMillis(300),
          Duration.ofSeconds(2),
          Duration.ofSeconds(1),
          Duration.ofSeconds(1),
          Duration.ofMillis(300),
          Duration.ofMillis(500));

  /** For unit tests: every wait in tens of milliseconds. */
  public static final SimTimings FAST =
      new SimTimings(
          Duration.ZERO,
          Duration.ofMillis(1),
          Duration.ofMillis(30),
          Duration.ofMillis(150),
          Duration.ofMillis(40),
          Duration.ofMillis(40),
          Duration.ofMillis(40),
          Duration.ofMillis(60));

  public SimTimings {
    Objects.requireNonNull(latencyFixed, "latencyFixed");
    Objects.requireNonNull(latencyJitter, "latencyJitter");
    Objects.requireNonNull(rebootDelay, "rebootDelay");
    Objects.requireNonNull(rebootDuration, "rebootDuration");
    Objects.requireNonNull(keysetGeneration, "keysetGeneration");
    Objects.requireNonNull(keysetDownload, "keysetDownload");
    Objects.requireNonNull(proxyPhase, "proxyPhase");
    Objects.requireNonNull(unauthorizedPhase, "unauthorizedPhase");
    for (Duration d :
        new Duration[] {
          latencyFixed,
          latencyJitter,
          rebootDelay,
          rebootDuration,
          keysetGeneration,
          keysetDownload,
          proxyPhase,
          unauthorizedPhase
        }) {
      if (d.isNegative()) {
        throw new IllegalArgumentException("simulator timings cannot be negative: " + d);
      }
    }
  }

  /** The six classic timings, with the default boot phases. */
  public SimTimings(
      Duration latencyFixed,
      Duration latencyJitter,
      Duration rebootDelay,
      Duration rebootDuration,
      Duration keysetGeneration,
      Duration keysetDownload) {
    this(
        latencyFixed,
        latencyJitter,
        rebootDelay,
        rebootDuration,
        keysetGeneration,
        keysetDownload,
        FAST_PROXY_PHASE,
        FAST_UNAUTHORIZED_PHASE);
  }

  private static final Duration FAST_PROXY_PHASE = Duration.ofMillis(40);
  private static final Duration FAST_UNAUTHORIZED_PHASE = Duration.ofMillis(60);

  public SimTimings withLatency(Duration fixed, Duration jitter) {
    return new SimTimings(
        fixed, jitter, rebootDelay, rebootDuration, keysetGeneration, keysetDownload, proxyPhase, unauthorizedPhase);
  }

  public SimTimings withReboot(Duration delay, Duration duration) {
    return new SimTimings(
        latencyFixed, latencyJitter, delay, duration, keysetGeneration, keysetDownload, proxyPhase, unauthorizedPhase);
  }

  public SimTimings withKeyset(Duration generation, Duration download) {
    return new SimTimings(
        latencyFixed, latencyJitter, rebootDelay, rebootDuration, generation, download, proxyPhase, unauthorizedPhase);
  }

  /** The 502/503 and 401 phases of a boot. */
  public SimTimings withBootPhases(Duration proxy, Duration unauthorized) {
    return new SimTimings(
        latencyFixed, latencyJitter, rebootDelay, rebootDuration, keysetGeneration, keysetDownload, proxy, unauthorized);
  }
}
