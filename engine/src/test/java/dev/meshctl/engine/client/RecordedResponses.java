package dev.meshctl.engine.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The answers recorded from real controllers and the vendor's document, kept as test data in
 * {@code src/test/resources/vns3/recorded} (sources in its {@code SOURCES.md}).
 */
public final class RecordedResponses {
  private RecordedResponses() {}

  /** The body of recorded answer {@code file}, e.g. {@code "sdk-config.json"}. */
  public static String body(String file) {
    try (InputStream in = RecordedResponses.class.getResourceAsStream("/vns3/recorded/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("no recorded answer " + file + " in vns3/recorded");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
