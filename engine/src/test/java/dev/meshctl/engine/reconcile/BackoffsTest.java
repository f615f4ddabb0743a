package dev.meshctl.engine.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffsTest {
  private static final BackoffPolicy POLICY = new BackoffPolicy(Duration.ofSeconds(1), Duration.ofSeconds(10));
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void theDelayDoublesUpToTheCap() {
    assertEquals(Duration.ZERO, POLICY.delay(0));
    assertEquals(Duration.ofSeconds(1), POLICY.delay(1));
    assertEquals(Duration.ofSeconds(2), POLICY.delay(2));
    assertEquals(Duration.ofSeconds(8), POLICY.delay(4));
    assertEquals(Duration.ofSeconds(10), POLICY.delay(5));
    assertEquals(Duration.ofSeconds(10), POLICY.delay(500), "no overflow after many failures");
  }

  @Test
  void aFailingControllerWaitsAndOnlyItWaits() {
    Backoffs b = Backoffs.none(POLICY).failed("b", T0, "refused", true).failed("b", T0.plusSeconds(1), "refused", true);
    ControllerBackoff state = b.of("b").orElseThrow();
    assertEquals(2, state.failures());
    assertEquals(Duration.ofSeconds(2), state.delay());
    assertTrue(b.waiting("b", T0.plusSeconds(2)));
    assertFalse(b.waiting("b", T0.plusSeconds(3)), "due again once the delay has passed");
    assertFalse(b.waiting("a", T0), "the others are not held back");
  }

  @Test
  void recoveryResetsTheBackoff() {
    Backoffs b = Backoffs.none(POLICY).failed("b", T0, "x", false).failed("b", T0, "x", false);
    Backoffs back = b.recovered("b");
    assertTrue(back.all().isEmpty());
    assertEquals(1, back.failed("b", T0, "x", false).of("b").orElseThrow().failures(), "counting starts over");
    assertEquals(2, b.of("b").orElseThrow().failures(), "values are immutable");
  }

  @Test
  void controllersRemovedFromTheSpecAreForgotten() {
    Backoffs b = Backoffs.none(POLICY).failed("a", T0, "x", true).failed("b", T0, "x", true);
    assertEquals(List.of("b"), List.copyOf(b.retain(List.of("b", "c")).all().keySet()));
  }

  @Test
  void aCapBelowTheBaseIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new BackoffPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1)));
  }

  @Test
  void ticksAreSpreadByJitterWithinItsFraction() {
    Duration interval = Duration.ofSeconds(60);
    assertEquals(interval, Reconciler.nextDelay(interval, 0.1, 0.0));
    assertEquals(Duration.ofSeconds(66), Reconciler.nextDelay(interval, 0.1, 1.0));
    assertEquals(Duration.ofSeconds(63), Reconciler.nextDelay(interval, 0.1, 0.5));
  }
}
