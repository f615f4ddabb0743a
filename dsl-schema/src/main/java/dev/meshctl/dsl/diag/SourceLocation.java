package dev.meshctl.dsl.diag;

/** A place in a file, 1-based line and column, printed as {@code file:line:column}. */
public record SourceLocation(String file, int line, int column) {
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
