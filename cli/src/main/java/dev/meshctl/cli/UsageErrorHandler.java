package dev.meshctl.cli;

import dev.meshctl.cli.views.View;
import picocli.CommandLine;

/** Bad flags or arguments: one clear line and a pointer to --help, exit 1, no usage dump. */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {
  @Override
  public int handleParseException(CommandLine.ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    // Always for people: the options that would choose another view did not parse.
    View.human(cl.getOut(), cl.getErr(), MaskedOutput.masker(cl.getErr())).error(withoutJavaNames(ex.getMessage()));
    CommandLine.UnmatchedArgumentException.printSuggestions(ex, cl.getErr());
    cl.getErr().println("Run '" + cl.getCommandSpec().qualifiedName() + " --help' for usage.");
    cl.getErr().flush();
    return ExitCodes.ERROR;
  }

  /**
   * picocli tells a value that does not convert with the Java type and exception, e.g. {@code
   * cannot convert '\0' to interface java.nio.file.Path (java.nio.file.InvalidPathException: Nul
   * character not allowed)}; the user needs only the value and why.
   */
  static String withoutJavaNames(String message) {
    return message.replaceAll(
        "(?s)cannot convert '(.*)' to (?:class|interface) [\\w.$]+ \\((?:[\\w$]+\\.)*\\w+(?:Exception|Error): (.*)\\)$",
        "'$1' is not valid here: $2");
  }
}
