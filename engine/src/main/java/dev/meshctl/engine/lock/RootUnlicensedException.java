package dev.meshctl.engine.lock;

/**
 * The root answered 403 "Must be licensed first" for its custom variables (the document lists that
 * answer for {@code GET /system/variables}): before its license is accepted, there is nowhere to
 * keep the lock.
 */
public final class RootUnlicensedException extends LockUnavailableException {
  public RootUnlicensedException(String where, Throwable cause) {
    super(cause, "cannot take the apply lock on " + where + " before it is licensed: " + reason(cause));
  }
}
