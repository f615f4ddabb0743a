package dev.meshctl.simulator.state;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Table entries in their encoded wire form, each encoded once. VNS3 answers every peer and route
 * write with the controller's whole table: at 64 controllers a mesh build writes 8,000 times, and
 * encoding every entry of the table again for each answer was a sixth of the simulator's CPU.
 *
 * <p>Keyed by the entry's value, so a changed entry is a new key and a stale form is never
 * answered. Not thread-safe: one controller's handlers all run on its own event-loop context.
 *
 * @param <K> an immutable value with {@code equals} and {@code hashCode}
 */
public final class EncodedEntries<K> {
  private final Function<K, byte[]> encode;
  private final int capacity;
  private final Map<K, byte[]> byKey = new HashMap<>();

  /**
   * @param encode the wire form of an entry
   * @param capacity how many forms to keep; past it all are dropped and encoded again as asked
   *     (entries removed from the table would otherwise stay for ever)
   */
  public EncodedEntries(Function<K, byte[]> encode, int capacity) {
    this.encode = encode;
    this.capacity = capacity;
  }

  /** The encoded form of {@code entry}, encoded now only if it was not already. */
  public byte[] of(K entry) {
    byte[] known = byKey.get(entry);
    if (known != null) {
      return known;
    }
    if (byKey.size() >= capacity) {
      byKey.clear();
    }
    byte[] fresh = encode.apply(entry);
    byKey.put(entry, fresh);
    return fresh;
  }
}
