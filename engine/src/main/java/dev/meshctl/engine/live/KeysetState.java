package dev.meshctl.engine.live;

import java.util.Optional;

/**
 * What {@code GET /keyset} says.
 *
 * @param present a keyset exists
 * @param inProgress a generation or download is running in the background
 * @param checksum the keyset's checksum; equal on every controller of one topology
 * @param startedAt {@code started_at_i} of the current or last background job; a changed value
 *     after a repeated {@code PUT} tells that the earlier attempt failed
 */
public record KeysetState(
    boolean present, boolean inProgress, Optional<String> checksum, Optional<Long> startedAt) {
  public static final KeysetState ABSENT =
      new KeysetState(false, false, Optional.empty(), Optional.empty());
}
