package dev.meshctl.dsl.model;

import java.util.Objects;

/**
 * A value that must never be printed: passwords, API tokens, the keyset token, license text.
 *
 * <p>{@link #toString()} always answers {@code (sensitive)}, so a secret inside a record, a log
 * line or an exception message cannot leak by accident. Code that must send the value to a
 * controller calls {@link #reveal()} explicitly, which makes every use easy to audit.
 */
public final class Secret {
  public static final String REDACTED = "(sensitive)";

  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  public static Secret of(String value) {
    return new Secret(value);
  }

  /** The plain value, for the one place that must send it over the wire. */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return REDACTED;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret other && other.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
