package dev.meshctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Every command's --help: nothing interpolated away, whole sentences, examples never split. */
class HelpTextTest {
  private static final Pattern NULL = Pattern.compile("\\bnull\\b");

  @Test
  void noHelpShowsNullOrLosesAReference() {
    List<String> problems = new ArrayList<>();
    eachCommand(
        cl -> {
          String help = cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
          String name = cl.getCommandSpec().qualifiedName();
          if (NULL.matcher(help).find()) {
            problems.add(name + ": shows null");
          }
        });
    assertEquals(List.of(), problems);
  }

  /** The references import and fmt describe are shown as written, not expanded by picocli. */
  @Test
  void referencesAreShownLiterally() {
    String importHelp = CommandRun.of("import", "--help").out();
    assertTrue(importHelp.contains("Secrets are written as ${env:...} references."), importHelp);
    assertTrue(importHelp.replaceAll("\\s+", " ").contains("token as ${env:NAME}, tls)"), importHelp);
    String fmtHelp = CommandRun.of("fmt", "--help").out();
    assertTrue(fmtHelp.contains("${...} references are kept"), fmtHelp);
  }

  /** picocli's command list shows the first description line: it must be a whole sentence. */
  @Test
  void theCommandListShowsWholeSentences() {
    List<String> problems = new ArrayList<>();
    eachCommand(
        cl -> {
          String[] description = cl.getCommandSpec().usageMessage().description();
          if (description.length == 0 || !description[0].strip().endsWith(".")) {
            problems.add(cl.getCommandSpec().qualifiedName() + ": " + Arrays.toString(description));
          }
        });
    assertEquals(List.of(), problems);
  }

  /**
   * A paragraph is one string (picocli wraps it) and ends its sentence; an example (indented) is
   * one line of at most the usage width, so it is shown exactly as written.
   */
  @Test
  void paragraphsAreWholeAndExamplesAreNeverSplit() {
    List<String> problems = new ArrayList<>();
    eachCommand(
        cl -> {
          CommandSpec spec = cl.getCommandSpec();
          String help = cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
          List<String> lines = new ArrayList<>(Arrays.asList(spec.usageMessage().description()));
          lines.addAll(Arrays.asList(spec.usageMessage().footer()));
          for (String line : lines) {
            if (line.isBlank()) {
              continue;
            }
            if (line.startsWith(" ")) {
              if (!help.lines().anyMatch(line::equals)) {
                problems.add(spec.qualifiedName() + ": example split: " + line);
              }
            } else if (!line.strip().matches(".*[.:)]$")) {
              problems.add(spec.qualifiedName() + ": paragraph cut: " + line);
            }
          }
        });
    assertEquals(List.of(), problems);
  }

  private static void eachCommand(Consumer<CommandLine> check) {
    CommandLine root =
        MeshctlCommand.commandLine(
            new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()));
    check.accept(root);
    walk(root, check);
  }

  private static void walk(CommandLine cl, Consumer<CommandLine> check) {
    cl.getSubcommands()
        .forEach(
            (name, sub) -> {
              if (!(sub.getCommand() instanceof CommandLine.HelpCommand)) {
                check.accept(sub);
                walk(sub, check);
              }
            });
  }
}
