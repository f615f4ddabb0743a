package dev.meshctl.dsl.format;

import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.diag.Diagnostics;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of formatting one spec.
 *
 * @param original the text as read
 * @param formatted the canonical text, or empty when the text is not valid YAML
 * @param diagnostics why it could not be formatted (empty when {@code formatted} is present)
 */
public record FormatResult(String original, Optional<String> formatted, Diagnostics diagnostics) {
  public FormatResult(String original, Optional<String> formatted, List<Diagnostic> diagnostics) {
    this(original, formatted, Diagnostics.of(diagnostics));
  }

  /** Whether the text was formatted. */
  public boolean ok() {
    return formatted.isPresent();
  }

  /** Whether formatting changes the text. */
  public boolean changed() {
    return formatted.map(f -> !f.equals(original)).orElse(false);
  }

  static FormatResult failed(String original, List<Diagnostic> diagnostics) {
    return new FormatResult(original, Optional.empty(), diagnostics);
  }
}
