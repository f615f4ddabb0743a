package dev.meshctl.cli;

import dev.meshctl.engine.lock.Lease;
import dev.meshctl.engine.lock.LockSettings;
import dev.meshctl.engine.lock.MeshLock;
import dev.meshctl.engine.lock.VariableLeaseStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code meshctl unlock}: deletes the apply lock of a mesh whose holder died. */
@Command(
    name = "unlock",
    mixinStandardHelpOptions = true,
    description = "Delete the apply lock on the root controller, e.g. after an apply was killed.",
    footer = {
      "",
      "Only do this when the run that holds the lock is dead: two applies at once can undo each",
      "other's work. A lock also lapses by itself a minute after its holder stopped renewing it.",
      "",
      "Example:",
      "  meshctl unlock mesh.yaml"
    })
final class UnlockCommand extends SessionCommand {
  @Override
  int run(MeshSession session, PrintWriter out, PrintWriter err) {
    String root = session.spec().root();
    MeshLock lock =
        new MeshLock(
            session.vertx(),
            new VariableLeaseStore(session.clients().get(root)),
            LockSettings.DEFAULT,
            Clock.systemUTC());
    try {
      Optional<Lease> was = session.await(lock.breakLock());
      out.println(
          was.map(l -> "Deleted the apply lock held by " + l.describe() + ".")
              .orElse("The mesh was not locked."));
      return ExitCodes.OK;
    } catch (RuntimeException e) {
      err.println("meshctl: error: " + e.getMessage());
      return ExitCodes.ERROR;
    } finally {
      out.flush();
      err.flush();
    }
  }
}
