package dev.meshctl.cli;

import dev.meshctl.cli.views.View;
import picocli.CommandLine;

/**
 * The one place an unexpected exception becomes an exit code. A user never sees a stack trace:
 * only a diagnostic, through the command's own view (JSON with {@code --json});
 * {@code MESHCTL_DEBUG=1} prints the trace for bug reports.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
    String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    View view =
        cl.getCommand() instanceof ViewedCommand command
            ? command.view()
            : View.human(cl.getOut(), cl.getErr(), MaskedOutput.masker(cl.getErr()));
    view.error(message);
    view.close();
    if ("1".equals(System.getenv("MESHCTL_DEBUG"))) {
      ex.printStackTrace(cl.getErr());
    }
    cl.getErr().flush();
    return ExitCodes.ERROR;
  }
}
