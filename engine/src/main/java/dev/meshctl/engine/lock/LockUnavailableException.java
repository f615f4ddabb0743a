package dev.meshctl.engine.lock;

/**
 * The lock could not be read or written: the root controller stayed unreachable or refused after
 * the client's retries.
 */
public class LockUnavailableException extends RuntimeException {
  public LockUnavailableException(String where, Throwable cause) {
    super("cannot take the apply lock on " + where + ": " + reason(cause)
        + " (nothing was changed; run apply again once the root controller answers)", cause, false, false);
  }

  /** A subclass's own message. */
  protected LockUnavailableException(Throwable cause, String message) {
    super(message, cause, false, false);
  }

  static String reason(Throwable cause) {
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
