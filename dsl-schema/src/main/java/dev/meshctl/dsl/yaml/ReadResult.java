package dev.meshctl.dsl.yaml;

import dev.meshctl.dsl.diag.Diagnostic;
import java.util.List;
import java.util.Optional;

/** A parsed document, or the diagnostics that say why the text is not one. */
public record ReadResult(Optional<YamlDocument> document, List<Diagnostic> diagnostics) {
  public ReadResult {
    diagnostics = List.copyOf(diagnostics);
  }

  static ReadResult failed(List<Diagnostic> diagnostics) {
    return new ReadResult(Optional.empty(), diagnostics);
  }
}
