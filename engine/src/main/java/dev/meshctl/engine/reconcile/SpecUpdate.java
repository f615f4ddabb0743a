package dev.meshctl.engine.reconcile;

import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.model.MeshSpec;
import java.util.List;

/**
 * The spec a tick reconciles, and whether it changed since the last tick.
 *
 * @param spec the spec in effect: the file's, or the last good one while the file is invalid
 * @param status what happened to the file since the last tick
 * @param diagnostics while the file is invalid, why (errors and warnings, sorted); else empty
 */
public record SpecUpdate(MeshSpec spec, Status status, List<Diagnostic> diagnostics) {

  public SpecUpdate {
    diagnostics = List.copyOf(diagnostics);
  }

  /** What happened to the spec file. */
  public enum Status {
    /** The file is as it was at the last tick. */
    UNCHANGED,
    /** The file changed and its new contents are valid: they apply from this tick on. */
    RELOADED,
    /** The file is invalid (now or still): the last good spec stays in effect. */
    INVALID;

    /** The lower-case name used in logs. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
