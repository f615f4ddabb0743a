package dev.meshctl.engine.lock;

/** Another run holds an unexpired lease on the mesh, and we may not (or no longer) wait. */
public final class LockHeldException extends RuntimeException {
  private final transient Lease lease;

  public LockHeldException(Lease lease) {
    super(
        "mesh is locked by "
            + lease.holder()
            + " since "
            + lease.acquiredAt()
            + " (expires "
            + lease.expiresAt()
            + "); wait, or run 'meshctl apply --break-lock' if that run is dead",
        null,
        false,
        false);
    this.lease = lease;
  }

  public Lease lease() {
    return lease;
  }
}
