package dev.meshctl.engine.progress;

import java.time.Duration;
import java.util.Locale;

/** Short human forms of durations for progress lines: {@code 850ms}, {@code 2.4s}, {@code 3m05s}. */
public final class Durations {
  private Durations() {}

  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + "ms";
    }
    if (ms < 60_000) {
      return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
    }
    long s = ms / 1000;
    return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
  }
}
