package dev.meshctl.engine.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private static List<Long> delays(RetryPolicy p) {
    RetryPolicy.Attempts a = p.start();
    List<Long> out = new ArrayList<>();
    a.begin();
    while (!a.exhausted()) {
      out.add(a.nextDelayMillis());
      a.begin();
    }
    return out;
  }

  @Test
  void withoutJitterDelaysDoubleUpToTheCap() {
    RetryPolicy p = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(500), 0, Random::new);
    assertEquals(List.of(100L, 200L, 400L, 500L, 500L), delays(p));
  }

  @Test
  void jitterStaysWithinItsFractionAndIsSeeded() {
    RetryPolicy p = new RetryPolicy(8, Duration.ofMillis(100), Duration.ofSeconds(10), 0.5, () -> new Random(7));
    List<Long> first = delays(p);
    assertEquals(first, delays(p), "same seed, same delays");
    long nominal = 100;
    for (long d : first) {
      assertTrue(d >= nominal / 2 && d <= nominal, d + " outside " + nominal / 2 + ".." + nominal);
      nominal *= 2;
    }
  }

  @Test
  void everyCallHasItsOwnState() {
    RetryPolicy.Attempts a = TestControllers.FAST_RETRY.start();
    RetryPolicy.Attempts b = TestControllers.FAST_RETRY.start();
    for (int i = 0; i < TestControllers.FAST_RETRY.maxAttempts(); i++) {
      a.begin();
    }
    assertTrue(a.exhausted());
    assertFalse(b.exhausted());
  }

  @Test
  void nonsenseIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 0, Random::new));
    assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.5, Random::new));
  }
}
