package dev.meshctl.cli;

import dev.meshctl.engine.render.Style;

/** Whether output is coloured. */
final class TerminalStyle {
  private TerminalStyle() {}

  /**
   * Colour only for a person at a terminal: stdout is a console, NO_COLOR is unset (any value
   * disables, per no-color.org) and --no-color was not given.
   */
  static Style of(boolean noColor) {
    String noColorEnv = System.getenv("NO_COLOR");
    boolean terminal = System.console() != null;
    return new Style(terminal && !noColor && (noColorEnv == null || noColorEnv.isEmpty()));
  }
}
