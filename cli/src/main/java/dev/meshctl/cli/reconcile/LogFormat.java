package dev.meshctl.cli.reconcile;

import java.util.Locale;
import java.util.Optional;

/** How the loop's log lines are written: {@code key=value} text for people, JSON for collectors. */
public enum LogFormat {
  TEXT,
  JSON;

  /** {@code text} or {@code json}, any case. */
  public static Optional<LogFormat> parse(String s) {
    for (LogFormat f : values()) {
      if (f.name().equalsIgnoreCase(s.strip())) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
