package dev.meshctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Completion scripts, --help examples and --version. */
class CompletionCommandTest {
  @TempDir Path dir;

  @Test
  void bashScriptCompletesCommandsAndFlags() throws Exception {
    Path script = dir.resolve("meshctl.bash");
    CommandRun r = CommandRun.of("completion", "bash");
    assertEquals(0, r.code(), r::toString);
    Files.writeString(script, r.out());
    assertEquals("fmt", complete(script, "meshctl", "fm"));
    assertEquals("--check", complete(script, "meshctl", "fmt", "--ch"));
    assertEquals("bash zsh", complete(script, "meshctl", "completion", ""));
  }

  @Test
  void bashScriptOffersEnumValuesAndFileNames() throws Exception {
    Path script = dir.resolve("meshctl.bash");
    Files.writeString(script, CommandRun.of("completion", "bash").out());
    assertEquals("vns3 simulated", complete(script, "meshctl", "apply", "--waits", ""));
    assertEquals("text json", complete(script, "meshctl", "reconcile", "--log-format", ""));
    assertEquals("human markdown", complete(script, "meshctl", "plan", "--format", ""), "not the deprecated json");
    Files.writeString(dir.resolve("mesh-east.yaml"), "");
    String prefix = dir.resolve("mesh-e").toString();
    assertEquals(dir.resolve("mesh-east.yaml").toString(), complete(script, "meshctl", "validate", prefix));
    assertEquals(dir.resolve("mesh-east.yaml").toString(), complete(script, "meshctl", "fmt", "--check", prefix));
    assertEquals(
        dir.resolve("mesh-east.yaml").toString(),
        complete(script, "meshctl", "validate", "--endpoint-map", prefix));
  }

  @Test
  void zshScriptLoadsBashcompinit() {
    CommandRun r = CommandRun.of("completion", "zsh");
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().contains("bashcompinit"), r::toString);
    assertTrue(r.out().contains("_complete_meshctl"), r::toString);
  }

  @Test
  void anUnknownShellIsAUsageError() {
    CommandRun r = CommandRun.of("completion", "fish");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("fish"), r::toString);
  }

  @Test
  void versionComesFromTheManifestOrSaysDev() {
    CommandRun r = CommandRun.of("--version");
    assertEquals(0, r.code());
    assertTrue(r.out().matches("meshctl (dev|\\d+\\.\\d+\\.\\d+.*)\\n"), r.out());
  }

  /** Every command of mine shows an example in its --help. */
  @Test
  void helpShowsExamples() {
    for (String command : new String[] {"fmt", "completion"}) {
      CommandRun r = CommandRun.of(command, "--help");
      assertEquals(0, r.code());
      assertTrue(r.out().contains("Examples:\n  meshctl " + command), r::toString);
    }
  }

  /** Every command and subcommand shows at least one example in its --help. */
  @Test
  void everyCommandsHelpHasAnExample() {
    CommandLine root =
        MeshctlCommand.commandLine(
            new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()));
    List<String> missing = new ArrayList<>();
    withoutExample(root, missing);
    assertEquals(List.of(), missing, "commands without an example in --help");
  }

  private static void withoutExample(CommandLine cl, List<String> missing) {
    cl.getSubcommands()
        .forEach(
            (name, sub) -> {
              if (sub.getCommand() instanceof CommandLine.HelpCommand) {
                return;
              }
              if (!sub.getUsageMessage(CommandLine.Help.Ansi.OFF).contains("Example")) {
                missing.add(sub.getCommandSpec().qualifiedName());
              }
              withoutExample(sub, missing);
            });
  }

  private static String complete(Path script, String... words) throws IOException, InterruptedException {
    StringBuilder arr = new StringBuilder();
    for (String w : words) {
      arr.append('\'').append(w).append("' ");
    }
    String cmd =
        "source '" + script + "'; compopt() { :; }; COMP_WORDS=(" + arr + "); COMP_CWORD=" + (words.length - 1)
            + "; _complete_meshctl; echo \"${COMPREPLY[*]}\"";
    Process p = new ProcessBuilder("bash", "-c", cmd).redirectErrorStream(true).start();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
  }
}
