package dev.meshctl.engine.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ControllerTextTest {
  @Test
  void controlCharactersAreShownAsEscapes() {
    assertEquals(
        "\\e[2J\\e]0;t\\u0007a\\nb\\tc\\u202ed",
        ControllerText.clean("\u001b[2J\u001b]0;t\u0007a\nb\tc\u202ed", List.of()));
  }

  @Test
  void printableTextIsKeptAsIs() {
    assertEquals("Keyset already exists. — ü 日本", ControllerText.clean("Keyset already exists. — ü 日本", List.of()));
  }

  @Test
  void secretsAreMaskedLongestFirst() {
    assertEquals("pw *** and ***", ControllerText.clean("pw hunter2-long and hunter2", List.of("hunter2", "hunter2-long")));
  }

  @Test
  void longTextIsCutSayingHowMuch() {
    String cut = ControllerText.clean("y".repeat(1000), List.of());
    assertEquals("y".repeat(ControllerText.MAX_CHARS) + "… (700 more characters cut)", cut);
  }
}
