package dev.meshctl.cli;

import dev.meshctl.engine.live.ControllerObservation;
import dev.meshctl.engine.live.MeshState;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * The one thing diff and plan cannot check: VNS3 never shows a keyset's token (the API has no
 * field for it), so a spec whose token differs from the one the topology was made with reads as
 * "no changes" until a controller next downloads its keyset and the root refuses it. Said once
 * per run, and only where it matters: when some controller already has a keyset.
 */
final class KeysetTokenNote {
  static final String TEXT =
      "meshctl: note: keyset tokens cannot be read back from a controller, so they are not checked:"
          + " if keyset.token differs from the token the topology was made with, nothing shows here,"
          + " and the root refuses the next keyset download (a new or wiped controller)";

  private KeysetTokenNote() {}

  /** The note, when a controller of {@code live} has a keyset whose token went unchecked. */
  static Optional<String> of(MeshState live) {
    boolean anyKeyset =
        live.controllers().values().stream()
            .anyMatch(o -> o instanceof ControllerObservation.Observed s && s.state().keyset().present());
    return anyKeyset ? Optional.of(TEXT) : Optional.empty();
  }

  /** Prints the note on {@code err} if it applies (stderr, so stdout stays the diff alone). */
  static void print(MeshState live, PrintWriter err) {
    of(live).ifPresent(
        note -> {
          err.println(note);
          err.flush();
        });
  }
}
