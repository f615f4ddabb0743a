package dev.meshctl.dsl.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PeerIdsTest {
  private static final OptionalInt NONE = OptionalInt.empty();

  @Test
  void positionWhenTheFirstIsRoot() {
    assertArrayEquals(new int[] {1, 2, 3, 4}, PeerIds.assign(List.of(NONE, NONE, NONE, NONE), 0));
  }

  @Test
  void rootGetsOneThenListOrder() {
    assertArrayEquals(new int[] {2, 3, 1, 4}, PeerIds.assign(List.of(NONE, NONE, NONE, NONE), 2));
  }

  @Test
  void explicitIdsAreKeptAndOthersFillTheGaps() {
    assertArrayEquals(
        new int[] {1, 4, 2, 3}, PeerIds.assign(List.of(NONE, OptionalInt.of(4), NONE, NONE), 0));
    assertArrayEquals(
        new int[] {2, 1, 3}, PeerIds.assign(List.of(NONE, OptionalInt.of(1), NONE), 0));
  }
}
