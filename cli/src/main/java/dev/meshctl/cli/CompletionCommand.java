package dev.meshctl.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code meshctl completion bash|zsh}: a shell completion script generated from the command
 * definitions themselves, so it never falls behind a new command or flag.
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = "Print a shell completion script for bash or zsh.",
    footer = {
      "",
      "Examples:",
      "  meshctl completion bash \\",
      "      > ~/.local/share/bash-completion/completions/meshctl",
      "  ./meshctl completion bash > meshctl.bash && source meshctl.bash   # a checkout",
      "  source <(meshctl completion zsh)   # in ~/.zshrc"
    })
final class CompletionCommand implements Callable<Integer> {
  /** The shells a script can be generated for. */
  enum Shell {
    bash,
    zsh
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh.")
  Shell shell;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(script(spec.root().commandLine(), shell));
    out.flush();
    return ExitCodes.OK;
  }

  /**
   * The completion script for {@code root}. picocli's script detects zsh and loads zsh's
   * bashcompinit layer itself, so both shells get the same script.
   */
  static String script(CommandLine root, Shell shell) {
    String bash = AutoComplete.bash(root.getCommandName(), root);
    return shell == Shell.zsh ? "# meshctl completion for zsh (runs through bashcompinit)\n" + bash : bash;
  }
}
