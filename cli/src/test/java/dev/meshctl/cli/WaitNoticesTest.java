package dev.meshctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meshctl.engine.lock.Claim;
import dev.meshctl.engine.lock.Holding;
import dev.meshctl.engine.lock.Lease;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WaitNoticesTest {
  @Test
  void elapsedTimesReadAsPeopleSayThem() {
    assertEquals("250 ms", WaitNotices.elapsed(Duration.ofMillis(250)));
    assertEquals("30 s", WaitNotices.elapsed(Duration.ofMillis(30_200)));
    assertEquals("1 min", WaitNotices.elapsed(Duration.ofSeconds(60)));
    assertEquals("2 min 30 s", WaitNotices.elapsed(Duration.ofSeconds(150)));
    assertEquals(
        "still waiting for east-1a to reboot (30 s elapsed)",
        WaitNotices.line("east-1a to reboot", Duration.ofSeconds(30)));
  }

  @Test
  void theIntervalComesFromTheVariableAndNonsenseKeepsTheDefault() {
    assertEquals(Duration.ofSeconds(30), WaitNotices.interval(Map.of()));
    assertEquals(Duration.ofMillis(200), WaitNotices.interval(Map.of(WaitNotices.INTERVAL_VARIABLE, "200ms")));
    assertEquals(Duration.ofMinutes(2), WaitNotices.interval(Map.of(WaitNotices.INTERVAL_VARIABLE, "2m")));
    assertEquals(Duration.ofSeconds(30), WaitNotices.interval(Map.of(WaitNotices.INTERVAL_VARIABLE, "soon")));
    assertEquals(Duration.ofSeconds(30), WaitNotices.interval(Map.of(WaitNotices.INTERVAL_VARIABLE, "0s")));
  }

  @Test
  void aLockWaitNamesTheHolderAtOnceThenOncePerInterval() {
    Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
    Instant[] now = {t0};
    Clock clock =
        new Clock() {
          @Override
          public ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now[0];
          }
        };
    Lease lease = new Lease("alice@laptop:42", "r1", t0.minusSeconds(5), t0.plusSeconds(55));
    List<Holding> held =
        List.of(new Holding(new Claim("meshctl_lock_r1_1", "meshctl_lock_r1_1", lease.toJson()), Optional.of(lease), lease.expiresAt(), false));
    StringWriter text = new StringWriter();
    LockWaitNotices notices = new LockWaitNotices(new PrintWriter(text), Duration.ofSeconds(30), clock);
    for (int s = 0; s <= 62; s += 2) {
      now[0] = t0.plusSeconds(s);
      notices.waiting(held);
    }
    String holder = "held by alice@laptop:42 since 2026-01-01T09:59:55Z (expires 2026-01-01T10:00:55Z)";
    assertEquals(
        "waiting for the apply lock, " + holder + "\n"
            + "still waiting for the apply lock (30 s elapsed), " + holder + "\n"
            + "still waiting for the apply lock (1 min elapsed), " + holder + "\n",
        text.toString().replace(System.lineSeparator(), "\n"));
  }
}
