package dev.meshctl.simulator;

/**
 * Faults a simulated controller injects into its {@code /api} requests, each a probability in
 * [0, 1] drawn per request from the simulator's seeded random source (so a run with the same seed
 * and the same request order fails the same requests).
 *
 * @param http502 answer 502 Bad Gateway, as the appliance's front proxy does while it is busy
 * @param http503 answer 503 Service Unavailable
 * @param reset close the connection without an answer
 * @param hang never answer (the connection is closed after {@link #HANG_LIMIT_MS})
 */
public record FaultConfig(double http502, double http503, double reset, double hang) {
  /** No faults. */
  public static final FaultConfig NONE = new FaultConfig(0, 0, 0, 0);

  /** A hung request's connection is closed after this long, so sockets are not leaked. */
  public static final long HANG_LIMIT_MS = 120_000;

  public FaultConfig {
    check("http502", http502);
    check("http503", http503);
    check("reset", reset);
    check("hang", hang);
    if (http502 + http503 + reset + hang > 1.0 + 1e-9) {
      throw new IllegalArgumentException("fault fractions add up to more than 1");
    }
  }

  private static void check(String name, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(name + " fault fraction must be in [0, 1], got " + p);
    }
  }

  /** Whether any fault can happen. */
  public boolean any() {
    return http502 > 0 || http503 > 0 || reset > 0 || hang > 0;
  }
}
