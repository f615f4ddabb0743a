package dev.meshctl.cli;

/** Every exit code meshctl uses, in one place (documented in docs/exit-codes.md). */
public final class ExitCodes {
  /** Success; with {@code --detailed-exitcode}: success and no changes. */
  public static final int OK = 0;
  /** An error: invalid spec, unreachable controller, failed action, refused plan. */
  public static final int ERROR = 1;
  /** With {@code --detailed-exitcode}: success, and there are changes. */
  public static final int CHANGES = 2;
  /** Interrupted (Ctrl-C) before the work was done. */
  public static final int INTERRUPTED = 130;

  private ExitCodes() {}
}
