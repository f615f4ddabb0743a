package dev.meshctl.dsl.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  static final List<String> KEYS = List.of("name", "endpoint", "private_ip", "subnet", "public_ip", "peer_id");

  @Test
  void suggestsTheClosestKey() {
    assertEquals(Optional.of("subnet"), Suggestions.closest("subnett", KEYS));
    assertEquals(Optional.of("subnet"), Suggestions.closest("sbunet", KEYS));
    assertEquals(Optional.of("private_ip"), Suggestions.closest("privateip", KEYS));
    assertEquals(Optional.of("endpoint"), Suggestions.closest("Endpoint", KEYS));
  }

  @Test
  void staysQuietWhenNothingIsClose() {
    assertEquals(Optional.empty(), Suggestions.closest("colour", KEYS));
    assertEquals(Optional.empty(), Suggestions.closest("subnet", KEYS));
  }

  @Test
  void distanceCountsTranspositionsAsOneEdit() {
    assertEquals(1, Suggestions.distance("ab", "ba"));
    assertEquals(3, Suggestions.distance("kitten", "sitting"));
  }
}
