package dev.meshctl.engine.diff;

import dev.meshctl.dsl.model.Secret;
import java.util.Optional;

/**
 * One field of a resource that differs: its value on the controller and in the spec. Absent
 * values are empty (nothing there, or a field the resource does not have yet); secret fields carry
 * {@link Secret#REDACTED} on both sides, never the value.
 */
public record FieldChange(String name, Optional<String> before, Optional<String> after) {

  public static FieldChange of(String name, Optional<String> before, Optional<String> after) {
    return new FieldChange(name, before, after);
  }

  /** A field that is set where it was not: {@code name: (none) → after}. */
  public static FieldChange added(String name, Object after) {
    return new FieldChange(name, Optional.empty(), Optional.of(String.valueOf(after)));
  }

  /** A field that goes away: {@code name: before → (none)}. */
  public static FieldChange removed(String name, Object before) {
    return new FieldChange(name, Optional.of(String.valueOf(before)), Optional.empty());
  }

  public static FieldChange changed(String name, Object before, Object after) {
    return new FieldChange(
        name, Optional.of(String.valueOf(before)), Optional.of(String.valueOf(after)));
  }

  /** A secret that will be sent: its value is never shown, not even to say it differs. */
  public static FieldChange sensitive(String name) {
    return new FieldChange(name, Optional.empty(), Optional.of(Secret.REDACTED));
  }
}
