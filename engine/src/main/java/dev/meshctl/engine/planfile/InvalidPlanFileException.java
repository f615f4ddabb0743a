package dev.meshctl.engine.planfile;

/** A plan file that is not a meshctl plan this version can run; the message says why. */
public final class InvalidPlanFileException extends RuntimeException {
  public InvalidPlanFileException(String message) {
    super(message);
  }
}
