package dev.meshctl.dsl.check;

import java.util.BitSet;
import java.util.List;
import java.util.OptionalInt;

/**
 * Default peer IDs: a controller keeps the ID it is given; the root gets 1 if it has none and 1 is
 * free; every other controller gets the smallest free ID, in list order. With no explicit IDs and
 * the first controller as root, that is simply the 1-based position.
 */
public final class PeerIds {
  private PeerIds() {}

  /** The peer ID of each controller, given the explicit ones and the root's index. */
  public static int[] assign(List<OptionalInt> explicit, int rootIndex) {
    int[] ids = new int[explicit.size()];
    BitSet used = new BitSet();
    for (int i = 0; i < ids.length; i++) {
      if (explicit.get(i).isPresent()) {
        ids[i] = explicit.get(i).getAsInt();
        if (ids[i] > 0) {
          used.set(ids[i]);
        }
      }
    }
    if (rootIndex >= 0 && rootIndex < ids.length && explicit.get(rootIndex).isEmpty() && !used.get(1)) {
      ids[rootIndex] = 1;
      used.set(1);
    }
    int next = 1;
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] == 0) {
        next = used.nextClearBit(next);
        ids[i] = next;
        used.set(next);
      }
    }
    return ids;
  }
}
