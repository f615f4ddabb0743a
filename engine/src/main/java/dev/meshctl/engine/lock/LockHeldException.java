package dev.meshctl.engine.lock;

/** Another run holds an unexpired lease on the mesh, and we may not (or no longer) wait. */
public final class LockHeldException extends RuntimeException {
  private final transient Holding holding;

  public LockHeldException(Holding holding, String where) {
    super(message(holding, where), null, false, false);
    this.holding = holding;
  }

  private static String message(Holding h, String where) {
    if (!h.readable()) {
      return "mesh is locked by " + h.describe() + " on " + where
          + "; if no apply is running, clear it with 'meshctl unlock --force' or 'meshctl apply --break-lock'";
    }
    return "mesh is locked by " + h.describe() + "; wait, or run 'meshctl apply --break-lock' if that run is dead";
  }

  public Holding holding() {
    return holding;
  }
}
