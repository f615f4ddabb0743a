package dev.meshctl.cli;

import dev.meshctl.cli.views.View;
import dev.meshctl.dsl.model.Masker;
import dev.meshctl.engine.lock.Holding;
import dev.meshctl.engine.lock.MeshLock;
import dev.meshctl.engine.lock.RootUnlicensedException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code meshctl unlock}: deletes the apply lock of a mesh whose holder died. */
@Command(
    name = "unlock",
    mixinStandardHelpOptions = true,
    description = "Delete the apply lock on the root controller, e.g. after an apply was killed.",
    footer = {
      "",
      "Only do this when the run that holds the lock is dead: two applies at once can undo each"
          + " other's work. A lock also lapses by itself a minute after its holder stopped renewing it.",
      "A live lock (or a value meshctl cannot read) is shown and unlock asks before deleting it;"
          + " without a terminal it refuses unless --force is given. A running apply whose lock is"
          + " deleted notices before its next action and stops.",
      "",
      "Example:",
      "  meshctl unlock --force mesh.yaml"
    })
final class UnlockCommand extends SessionCommand<View> {
  @Option(names = "--force", description = "Delete a live lock without asking.")
  boolean force;

  @Override
  View newView(PrintWriter out, PrintWriter err, Masker masker) {
    return View.human(out, err, masker);
  }

  @Override
  int run(MeshSession session, View view) {
    PrintWriter out = out();
    PrintWriter err = err();
    MeshLock lock = LockBreaking.lockOf(session);
    try {
      List<Holding> stored = session.await(lock.current());
      if (stored.isEmpty()) {
        out.println("The mesh was not locked.");
        return ExitCodes.OK;
      }
      if (!LockBreaking.approved(LockBreaking.live(stored), "unlock", "--force", force, out, err, view)) {
        return ExitCodes.ERROR;
      }
      List<Holding> was = session.await(lock.breakLock());
      was.forEach(h -> out.println("Deleted the apply lock held by " + h.describe() + "."));
      return ExitCodes.OK;
    } catch (RootUnlicensedException e) {
      out.println("The mesh was not locked: the root controller is not licensed yet, so no lock can be kept on it.");
      return ExitCodes.OK;
    } catch (RuntimeException e) {
      view.error(String.valueOf(e.getMessage()));
      return ExitCodes.ERROR;
    } finally {
      out.flush();
      err.flush();
    }
  }
}
