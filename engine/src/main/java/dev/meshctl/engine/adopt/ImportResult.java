package dev.meshctl.engine.adopt;

import dev.meshctl.dsl.diag.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of an import: the spec's text when every controller could be read, and what the
 * user should know (unreadable controllers as errors; guesses and leftovers as warnings).
 */
public record ImportResult(Optional<String> yaml, List<Diagnostic> diagnostics) {
  public ImportResult {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean ok() {
    return yaml.isPresent();
  }
}
