package dev.meshctl.engine.adopt;

import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.diag.Diagnostics;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of an import: the spec's text when every controller could be read, and what the
 * user should know (unreadable controllers as errors; guesses and leftovers as warnings).
 */
public record ImportResult(Optional<String> yaml, Diagnostics diagnostics) {
  public ImportResult(Optional<String> yaml, List<Diagnostic> diagnostics) {
    this(yaml, Diagnostics.of(diagnostics));
  }

  public boolean ok() {
    return yaml.isPresent();
  }
}
