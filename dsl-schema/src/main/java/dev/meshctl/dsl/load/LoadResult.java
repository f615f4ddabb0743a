package dev.meshctl.dsl.load;

import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.diag.Diagnostics;
import dev.meshctl.dsl.model.MeshSpec;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The outcome of loading a spec: the resolved model when it is valid, every diagnostic (errors
 * and warnings), sorted by file, line and column, and the values output must mask.
 *
 * @param secrets every value read from {@code ${env:...}} or {@code ${file:...}}, the secret
 *     fields' values and the license text: register them with a {@link
 *     dev.meshctl.dsl.model.Masker} before printing anything about the spec
 * @param unread the references and the license file checked for form but not read ({@link
 *     LoadOptions#readSecrets()} false), as {@code path: reference}; the spec then holds their
 *     text, or an empty license, in place of values and is for validation only
 */
public record LoadResult(
    Optional<MeshSpec> spec, Diagnostics diagnostics, Set<String> secrets, List<String> unread) {
  public LoadResult {
    secrets = Set.copyOf(secrets);
    unread = List.copyOf(unread);
  }

  public LoadResult(
      Optional<MeshSpec> spec, List<Diagnostic> diagnostics, Set<String> secrets, List<String> unread) {
    this(spec, Diagnostics.of(diagnostics), secrets, unread);
  }

  /** A result of a load that read every reference. */
  public LoadResult(Optional<MeshSpec> spec, List<Diagnostic> diagnostics, Set<String> secrets) {
    this(spec, Diagnostics.of(diagnostics), secrets, List.of());
  }

  public LoadResult(Optional<MeshSpec> spec, List<Diagnostic> diagnostics) {
    this(spec, diagnostics, Set.of());
  }

  /** Whether the spec is present and no diagnostic is an error. */
  public boolean ok() {
    return spec.isPresent() && !diagnostics.hasErrors();
  }

  /** The number of error diagnostics. */
  public long errors() {
    return diagnostics.errors();
  }

  /** The number of warning diagnostics. */
  public long warnings() {
    return diagnostics.warnings();
  }

  static LoadResult failed(List<Diagnostic> diagnostics) {
    return new LoadResult(Optional.empty(), diagnostics);
  }
}
