package dev.meshctl.cli;

import dev.meshctl.cli.views.View;
import dev.meshctl.engine.lock.Holding;
import dev.meshctl.engine.lock.LockSettings;
import dev.meshctl.engine.lock.MeshLock;
import dev.meshctl.engine.lock.VariableLeaseStore;
import java.io.Console;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Asks before another run's live lock is broken ({@code apply --break-lock}, {@code unlock}), as
 * {@code terraform force-unlock} does: says whose it is, then asks, unless forced. Without a
 * terminal to ask on, it refuses and says how to force it.
 */
final class LockBreaking {
  private LockBreaking() {}

  /** The lock of the session's mesh, on its root controller. */
  static MeshLock lockOf(MeshSession session) {
    return new MeshLock(
        session.vertx(),
        new VariableLeaseStore(session.clients().get(session.spec().root())),
        LockSettings.DEFAULT,
        Clock.systemUTC());
  }

  /**
   * Whether {@code what} may go ahead: yes if no live claim stands, if forced, or if the person
   * at the terminal types "yes". {@code live} are the claims standing now.
   */
  static boolean approved(
      List<Holding> live, String what, String forceFlag, boolean force, PrintWriter out, PrintWriter err, View view) {
    if (live.isEmpty()) {
      return true;
    }
    PrintWriter to = force ? out : err;
    to.println(what + " would break the apply lock of another run that may still be running:");
    live.forEach(h -> to.println("  " + h.describe() + " [custom variable " + h.claim().listedAs() + "]"));
    if (force) {
      out.println("Breaking it (" + forceFlag + ").");
      out.flush();
      return true;
    }
    Console console = System.console();
    if (console == null) {
      view.error("there is no terminal to ask whether to break it; if that run is dead, run again with " + forceFlag);
      return false;
    }
    err.flush();
    String answer = Optional.ofNullable(console.readLine(
        "Break it? Two applies at once can undo each other's work. Only 'yes' will be accepted: ")).orElse("");
    if (!"yes".equals(answer.strip())) {
      err.println("The lock was left alone; nothing was changed.");
      err.flush();
      return false;
    }
    return true;
  }

  /** The claims that stand now, from what {@link MeshLock#current()} answered. */
  static List<Holding> live(List<Holding> all) {
    Instant now = Instant.now();
    return all.stream().filter(h -> h.liveAt(now)).toList();
  }
}
