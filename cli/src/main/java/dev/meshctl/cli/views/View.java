package dev.meshctl.cli.views;

import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.model.Masker;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;

/**
 * How a command reports, as Terraform's {@code command/views}: chosen once from the command's
 * options (human or JSON), then the command only calls its methods. Every error and warning a
 * command has goes through {@link #diagnostics}; the human view prints them on stderr, a JSON view
 * as diagnostic objects in its JSON.
 *
 * <p>Each command with a JSON form has its own view interface extending this one, with a human and
 * a JSON implementation in the same file.
 */
public interface View {
  /** Reports errors and warnings, sorted; a JSON view may hold them for its document. */
  void diagnostics(List<Diagnostic> diagnostics);

  default void diagnostic(Diagnostic d) {
    diagnostics(List.of(d));
  }

  /** An error with no place in a file or resource, e.g. a flag's value. */
  default void error(String message) {
    diagnostic(Diagnostic.error(message));
  }

  default void warning(String message) {
    diagnostic(Diagnostic.warning(message, null, ""));
  }

  /** Values learned from the spec that nothing this command prints may show. */
  void mask(Set<String> secrets);

  /** Ends the command's output: a JSON document view prints its document here, once. */
  default void close() {}

  /** The view of a command that prints only for people. */
  static View human(PrintWriter out, PrintWriter err, Masker masker) {
    return new HumanView(out, err, masker);
  }
}
