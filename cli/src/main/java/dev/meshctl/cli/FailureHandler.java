package dev.meshctl.cli;

import picocli.CommandLine;

/**
 * The one place an unexpected exception becomes an exit code. A user never sees a stack trace:
 * only a one-line message; {@code MESHCTL_DEBUG=1} prints the trace for bug reports.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
    String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    cl.getErr().println("meshctl: error: " + message);
    if ("1".equals(System.getenv("MESHCTL_DEBUG"))) {
      ex.printStackTrace(cl.getErr());
    }
    cl.getErr().flush();
    return ExitCodes.ERROR;
  }
}
