package dev.meshctl.dsl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void parsesUnitsAndCombinations() {
    assertEquals(Optional.of(Duration.ofMillis(500)), Durations.parse("500ms"));
    assertEquals(Optional.of(Duration.ofSeconds(30)), Durations.parse("30s"));
    assertEquals(Optional.of(Duration.ofMinutes(4)), Durations.parse("4m"));
    assertEquals(Optional.of(Duration.ofSeconds(90)), Durations.parse("1m30s"));
    assertEquals(Optional.of(Duration.ofHours(2)), Durations.parse("2h"));
  }

  @Test
  void rejectsOthers() {
    for (String bad : new String[] {"", "5", "5 s", "s", "1d", "1m 30s", "99999999999999999999h", "9223372036854775807h"}) {
      assertTrue(Durations.parse(bad).isEmpty(), bad);
    }
  }
}
