package dev.meshctl.dsl.check;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as a spec writes them: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 1m30s}. */
public final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

  private Durations() {}

  /** The duration {@code text} denotes, or empty if it is not one (or absurdly long). */
  public static Optional<Duration> parse(String text) {
    Matcher m = PART.matcher(text);
    Duration total = Duration.ZERO;
    int end = 0;
    try {
      while (m.find()) {
        if (m.start() != end) {
          return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        total =
            total.plus(
                switch (m.group(2)) {
                  case "ms" -> Duration.ofMillis(n);
                  case "s" -> Duration.ofSeconds(n);
                  case "m" -> Duration.ofMinutes(n);
                  default -> Duration.ofHours(n);
                });
        end = m.end();
      }
    } catch (NumberFormatException | ArithmeticException e) {
      return Optional.empty();
    }
    return end == text.length() && end > 0 ? Optional.of(total) : Optional.empty();
  }
}
