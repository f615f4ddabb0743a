package dev.meshctl.cli;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps Vert.x and Netty from writing to the terminal. With slf4j-nop on the class path Vert.x
 * logs through java.util.logging, whose console handler printed a SEVERE line with a stack trace
 * for every broken connection (25 for one controller sending huge headers). meshctl reports each
 * failure itself, once, naming the controller and the call.
 */
final class QuietLogging {
  /** Held so the loggers, and their levels, are not collected: JUL keeps loggers weakly. */
  private static final List<Logger> SILENCED =
      List.of(Logger.getLogger("io.vertx"), Logger.getLogger("io.netty"));

  private QuietLogging() {}

  static void apply() {
    SILENCED.forEach(l -> l.setLevel(Level.OFF));
  }
}
