package dev.meshctl.dsl.diag;

import java.util.Comparator;
import java.util.Optional;

/**
 * One problem a user can fix, with where it is: {@code file:line:column: message (spec.path)}.
 *
 * <p>Anything a user can cause (bad YAML, a schema violation, an unreachable controller, an
 * irreversible difference) is reported as a diagnostic, never as an exception. Diagnostics are
 * collected and reported all at once, sorted.
 *
 * @param severity error or warning
 * @param message what is wrong, one sentence, no secret values
 * @param location where in which file, if the problem has a place in a file
 * @param path the spec path (e.g. {@code controllers[1].subnet}) or resource address, or empty
 * @param hint what to do about it (e.g. "did you mean 'subnet'?"), or empty
 * @param detail more about the problem than its one-line summary ({@code message}), e.g. the
 *     reason a controller could not be read, or empty
 */
public record Diagnostic(
    Severity severity,
    String message,
    Optional<SourceLocation> location,
    String path,
    Optional<String> hint,
    Optional<String> detail) {

  /** A diagnostic whose one-line message says all there is. */
  public Diagnostic(
      Severity severity,
      String message,
      Optional<SourceLocation> location,
      String path,
      Optional<String> hint) {
    this(severity, message, location, path, hint, Optional.empty());
  }

  public static final Comparator<Diagnostic> ORDER =
      Comparator.comparing((Diagnostic d) -> d.location().map(SourceLocation::file).orElse(""))
          .thenComparingInt(d -> d.location().map(SourceLocation::line).orElse(0))
          .thenComparingInt(d -> d.location().map(SourceLocation::column).orElse(0))
          .thenComparing(Diagnostic::path)
          .thenComparing(Diagnostic::message);

  public static Diagnostic error(String message, SourceLocation at, String path) {
    return new Diagnostic(Severity.ERROR, message, Optional.ofNullable(at), path, Optional.empty());
  }

  public static Diagnostic warning(String message, SourceLocation at, String path) {
    return new Diagnostic(Severity.WARNING, message, Optional.ofNullable(at), path, Optional.empty());
  }

  /** A problem with no place in a file, e.g. about a flag, a controller or the apply lock. */
  public static Diagnostic error(String message) {
    return error(message, null, "");
  }

  public Diagnostic withHint(String hint) {
    return new Diagnostic(severity, message, location, path, Optional.ofNullable(hint), detail);
  }

  public Diagnostic withDetail(String detail) {
    return new Diagnostic(severity, message, location, path, hint, Optional.ofNullable(detail));
  }

  /** The one-line summary: Terraform's name for {@link #message()}. */
  public String summary() {
    return message;
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The one-line form: {@code file:line:column: error: message: detail (path); hint}. */
  public String format() {
    StringBuilder sb = new StringBuilder();
    location.ifPresent(l -> sb.append(l).append(": "));
    sb.append(severity.label()).append(": ").append(message);
    detail.ifPresent(d -> sb.append(": ").append(d));
    if (!path.isEmpty()) {
      sb.append(" (").append(path).append(')');
    }
    hint.ifPresent(h -> sb.append("; ").append(h));
    return sb.toString();
  }
}
