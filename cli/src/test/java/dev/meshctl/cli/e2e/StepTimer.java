package dev.meshctl.cli.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Times the steps of a run and prints them as a table, failed steps included. */
final class StepTimer {
  /** A step that may throw anything the test may throw. */
  interface Step {
    void run() throws Exception;
  }

  private record Timing(String step, Duration took, boolean ok) {}

  private final List<Timing> timings = new ArrayList<>();

  void time(String step, Step body) throws Exception {
    long start = System.nanoTime();
    boolean ok = false;
    try {
      body.run();
      ok = true;
    } finally {
      timings.add(new Timing(step, Duration.ofNanos(System.nanoTime() - start), ok));
    }
  }

  Duration total() {
    return timings.stream().map(Timing::took).reduce(Duration.ZERO, Duration::plus);
  }

  String report() {
    StringBuilder sb = new StringBuilder();
    for (Timing t : timings) {
      sb.append(String.format(Locale.ROOT, "%-44s %7.1f s%s%n", t.step, seconds(t.took), t.ok ? "" : "  FAILED"));
    }
    sb.append(String.format(Locale.ROOT, "%-44s %7.1f s%n", "total", seconds(total())));
    return sb.toString();
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }
}
