package dev.meshctl.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a simulated controller takes for the things a real one takes time for.
 *
 * @param latencyFixed added to every {@code /api} request
 * @param latencyJitter up to this much more, drawn from the simulator's seeded random source
 * @param rebootDelay how long the API keeps answering after {@code PUT /license/parameters} or
 *     {@code PUT /server} before its listener closes
 * @param rebootDuration how long the listener stays closed (connections refused)
 * @param keysetGeneration how long {@code PUT /keyset {"token"}} runs in the background
 * @param keysetDownload how long {@code PUT /keyset {"source","token"}} runs before it copies
 *     the keyset from its source
 */
public record SimTimings(
    Duration latencyFixed,
    Duration latencyJitter,
    Duration rebootDelay,
    Duration rebootDuration,
    Duration keysetGeneration,
    Duration keysetDownload) {

  /** Fast but not zero, so a demo shows the waiting. */
  public static final SimTimings DEFAULTS =
      new SimTimings(
          Duration.ofMillis(2),
          Duration.ofMillis(3),
          Duration.ofMillis(300),
          Duration.ofSeconds(2),
          Duration.ofSeconds(1),
          Duration.ofSeconds(1));

  /** For unit tests: every wait in tens of milliseconds. */
  public static final SimTimings FAST =
      new SimTimings(
          Duration.ZERO,
          Duration.ofMillis(1),
          Duration.ofMillis(30),
          Duration.ofMillis(150),
          Duration.ofMillis(40),
          Duration.ofMillis(40));

  public SimTimings {
    Objects.requireNonNull(latencyFixed, "latencyFixed");
    Objects.requireNonNull(latencyJitter, "latencyJitter");
    Objects.requireNonNull(rebootDelay, "rebootDelay");
    Objects.requireNonNull(rebootDuration, "rebootDuration");
    Objects.requireNonNull(keysetGeneration, "keysetGeneration");
    Objects.requireNonNull(keysetDownload, "keysetDownload");
    for (Duration d :
        new Duration[] {
          latencyFixed, latencyJitter, rebootDelay, rebootDuration, keysetGeneration, keysetDownload
        }) {
      if (d.isNegative()) {
        throw new IllegalArgumentException("simulator timings cannot be negative: " + d);
      }
    }
  }

  public SimTimings withLatency(Duration fixed, Duration jitter) {
    return new SimTimings(fixed, jitter, rebootDelay, rebootDuration, keysetGeneration, keysetDownload);
  }

  public SimTimings withReboot(Duration delay, Duration duration) {
    return new SimTimings(latencyFixed, latencyJitter, delay, duration, keysetGeneration, keysetDownload);
  }

  public SimTimings withKeyset(Duration generation, Duration download) {
    return new SimTimings(latencyFixed, latencyJitter, rebootDelay, rebootDuration, generation, download);
  }
}
