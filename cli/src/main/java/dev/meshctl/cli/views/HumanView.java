package dev.meshctl.cli.views;

import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.diag.Diagnostics;
import dev.meshctl.dsl.model.Masker;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;

/**
 * Output for people: the command's text on stdout, diagnostics on stderr. The only place a
 * problem becomes {@code meshctl: error: ...}: the per-command human views extend this one.
 */
public class HumanView implements View {
  /** Before a problem that has no place in a file, so it reads as meshctl's, not the shell's. */
  private static final String PROGRAM = "meshctl: ";

  protected final PrintWriter out;
  protected final PrintWriter err;
  private final Masker masker;

  public HumanView(PrintWriter out, PrintWriter err, Masker masker) {
    this.out = out;
    this.err = err;
    this.masker = masker;
  }

  @Override
  public void diagnostics(List<Diagnostic> diagnostics) {
    // The command's own output first, so a problem is not printed in the middle of it.
    out.flush();
    Diagnostics.of(diagnostics).forEach(d -> err.println(line(d)));
    err.flush();
  }

  /**
   * {@code file:line:column: error: message (path); hint} for a problem in a file, else {@code
   * meshctl: error: message: detail (address); hint}.
   */
  public static String line(Diagnostic d) {
    return d.location().isPresent() ? d.format() : PROGRAM + d.format();
  }

  @Override
  public void mask(Set<String> secrets) {
    masker.registerAll(secrets);
  }
}
