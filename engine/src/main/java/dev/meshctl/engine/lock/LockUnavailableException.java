package dev.meshctl.engine.lock;

/** The lock could not be read or written: the root controller is unreachable or refused. */
public final class LockUnavailableException extends RuntimeException {
  public LockUnavailableException(String where, Throwable cause) {
    super(
        "cannot take the apply lock on "
            + where
            + ": "
            + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage())
            + " (use --lock=false to apply without a lock, if you are sure nobody else is)",
        cause,
        false,
        false);
  }
}
