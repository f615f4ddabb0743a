package dev.meshctl.dsl.diag;

/** How bad a diagnostic is: errors stop the command, warnings are printed and let it go on. */
public enum Severity {
  ERROR,
  WARNING;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
