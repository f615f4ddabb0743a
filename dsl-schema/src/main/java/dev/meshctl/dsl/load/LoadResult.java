package dev.meshctl.dsl.load;

import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.model.MeshSpec;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of loading a spec: the resolved model when it is valid, and every diagnostic
 * (errors and warnings), sorted by file, line and column.
 */
public record LoadResult(Optional<MeshSpec> spec, List<Diagnostic> diagnostics) {
  public LoadResult {
    diagnostics = diagnostics.stream().sorted(Diagnostic.ORDER).toList();
  }

  /** Whether the spec is present and no diagnostic is an error. */
  public boolean ok() {
    return spec.isPresent() && diagnostics.stream().noneMatch(Diagnostic::isError);
  }

  /** The number of error diagnostics. */
  public long errors() {
    return diagnostics.stream().filter(Diagnostic::isError).count();
  }

  /** The number of warning diagnostics. */
  public long warnings() {
    return diagnostics.size() - errors();
  }

  static LoadResult failed(List<Diagnostic> diagnostics) {
    return new LoadResult(Optional.empty(), diagnostics);
  }
}
