package dev.meshctl.dsl.check;

import dev.meshctl.dsl.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks the JSON Schema cannot express, run on the resolved tree: addresses, uniqueness,
 * references between parts of the spec, credentials and inline secrets. They tolerate a tree that
 * breaks the schema, so a user sees every problem at once.
 */
public final class SemanticChecks {
  private SemanticChecks() {}

  /** Every semantic problem of the spec in {@code ctx}. */
  public static List<Diagnostic> check(CheckContext ctx) {
    List<Diagnostic> out = new ArrayList<>();
    out.addAll(ControllerChecks.check(ctx));
    out.addAll(PeeringChecks.check(ctx));
    out.addAll(AccessChecks.check(ctx));
    out.addAll(LicenseChecks.check(ctx));
    return out;
  }
}
