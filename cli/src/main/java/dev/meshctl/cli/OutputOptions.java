package dev.meshctl.cli;

import dev.meshctl.engine.render.Style;
import picocli.CommandLine.Option;

/** How diff and plan print, and what their exit code tells (picocli mixin). */
final class OutputOptions {
  @Option(names = "--json", description = "Print JSON (format_version 1, see docs/plan-format.md).")
  boolean json;

  @Option(names = "--no-color", description = "No ANSI colours (also: the NO_COLOR variable).")
  boolean noColor;

  @Option(
      names = "--detailed-exitcode",
      description = "Exit 0 when there is nothing to change, 2 when there are changes, 1 on error.")
  boolean detailedExitCode;

  /** Colour only for a person at a terminal: see {@link TerminalStyle#of}. */
  Style style() {
    return TerminalStyle.of(noColor);
  }

  /** 1 when blocked, else 2 for changes with --detailed-exitcode, else 0. */
  int exitCode(boolean blocked, boolean changes) {
    if (blocked) {
      return ExitCodes.ERROR;
    }
    return detailedExitCode && changes ? ExitCodes.CHANGES : ExitCodes.OK;
  }
}
