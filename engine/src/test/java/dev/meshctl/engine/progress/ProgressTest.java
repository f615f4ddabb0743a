package dev.meshctl.engine.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private final StringWriter buffer = new StringWriter();
  private final PrintWriter out = new PrintWriter(buffer);
  private final Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

  @Test
  void linesNameEachStartAndEndWithItsDuration() throws Exception {
    LineProgress<String> p = new LineProgress<>(out, Function.identity());
    p.started("a");
    p.succeeded("a", Duration.ofMillis(1234));
    p.failed("b", Duration.ofMillis(50), new RuntimeException("PUT /keyset: 400 Keyset setup in progress."));
    p.skipped("c", "skipped: b failed");
    drained(p);
    assertEquals(
        List.of(
            "a: starting",
            "a: done after 1.2s",
            "b: FAILED after 50ms: PUT /keyset: 400 Keyset setup in progress.",
            "c: skipped: b failed"),
        buffer.toString().lines().toList());
  }

  @Test
  void jsonIsOneEventPerLine() throws Exception {
    JsonProgress<String> p =
        new JsonProgress<>(out, Function.identity(), n -> "type-of-" + n, clock);
    p.begin(3);
    p.started("controller[\"a\"].keyset");
    p.succeeded("controller[\"a\"].keyset", Duration.ofMillis(1500));
    p.failed("b", Duration.ofMillis(7), new IllegalStateException());
    p.skipped("c", "skipped: b failed");
    drained(p);
    List<JsonObject> events = buffer.toString().lines().map(JsonObject::new).toList();
    assertEquals(5, events.size());
    assertEquals("apply_started", events.get(0).getString("type"));
    assertEquals(3, events.get(0).getInteger("total"));
    assertEquals("action_started", events.get(1).getString("type"));
    assertEquals("controller[\"a\"].keyset", events.get(1).getString("address"));
    assertEquals("type-of-controller[\"a\"].keyset", events.get(1).getString("action_type"));
    assertEquals("type-of-c", events.get(4).getString("action_type"));
    assertEquals("2026-01-02T03:04:05Z", events.get(1).getString("ts"));
    assertEquals(1500L, events.get(2).getLong("duration_ms"));
    assertEquals("IllegalStateException", events.get(3).getString("error"));
    assertEquals("skipped: b failed", events.get(4).getString("reason"));
  }

  @Test
  void liveDisplayRedrawsItsBlockInPlace() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      LiveProgress<String> p = new LiveProgress<>(vertx, out, Function.identity(), clock, false);
      p.started("a");
      p.started("b");
      p.redraw();
      drained(p);
      String first = buffer.toString();
      assertTrue(first.contains("[0/0] 2 running"), first);
      assertTrue(first.contains("  • a (0ms)"), first);
      assertFalse(first.contains("\u001b["), "nothing to erase on the first draw");
      buffer.getBuffer().setLength(0);
      p.succeeded("a", Duration.ofSeconds(2));
      p.redraw();
      drained(p);
      String second = buffer.toString();
      assertTrue(second.startsWith("\u001b[3F\u001b[J✓ a (2.0s)\n"), second);
      assertTrue(second.contains("[1/0] 1 running"), second);
      assertFalse(second.contains("• a"), second);
    } finally {
      vertx.close();
    }
  }

  /** Printers write on a thread of their own: wait until what they were given is out. */
  private static void drained(Progress<String> p) throws Exception {
    p.drained().toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
  }

  @Test
  void durationsAreShort() {
    assertEquals("850ms", Durations.format(Duration.ofMillis(850)));
    assertEquals("2.4s", Durations.format(Duration.ofMillis(2449)));
    assertEquals("3m05s", Durations.format(Duration.ofSeconds(185)));
  }
}
