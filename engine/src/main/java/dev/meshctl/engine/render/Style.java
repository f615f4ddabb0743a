package dev.meshctl.engine.render;

import dev.meshctl.engine.diff.Action;

/** ANSI colours for human output, or none: output with colour off is plain, golden-file text. */
public record Style(boolean color) {
  public static final Style PLAIN = new Style(false);
  public static final Style COLOR = new Style(true);

  private static final String RESET = "\u001b[0m";

  public String green(String s) {
    return wrap("\u001b[32m", s);
  }

  public String yellow(String s) {
    return wrap("\u001b[33m", s);
  }

  public String red(String s) {
    return wrap("\u001b[31m", s);
  }

  public String magenta(String s) {
    return wrap("\u001b[35m", s);
  }

  public String bold(String s) {
    return wrap("\u001b[1m", s);
  }

  public String dim(String s) {
    return wrap("\u001b[2m", s);
  }

  /** The action's symbol in its colour: {@code +} green, {@code ~} yellow, {@code -} red. */
  public String symbol(Action a) {
    return switch (a) {
      case CREATE -> green(a.symbol());
      case UPDATE -> yellow(a.symbol());
      case DELETE -> red(a.symbol());
      case REPLACE -> magenta(a.symbol());
    };
  }

  private String wrap(String code, String s) {
    return color ? code + s + RESET : s;
  }
}
