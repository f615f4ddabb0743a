package dev.meshctl.cli;

import picocli.CommandLine;

/** Bad flags or arguments: one clear line and a pointer to --help, exit 1, no usage dump. */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {
  @Override
  public int handleParseException(CommandLine.ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    cl.getErr().println("meshctl: error: " + ex.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(ex, cl.getErr());
    cl.getErr().println("Run '" + cl.getCommandSpec().qualifiedName() + " --help' for usage.");
    cl.getErr().flush();
    return ExitCodes.ERROR;
  }
}
