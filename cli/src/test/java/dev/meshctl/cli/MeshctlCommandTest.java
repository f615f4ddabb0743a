package dev.meshctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A run gets the part of the command tree it needs, and behaves as with the whole tree. */
class MeshctlCommandTest {
  private static final PrintWriter NOWHERE = new PrintWriter(Writer.nullWriter());

  private static Set<String> subcommands(String... args) {
    return MeshctlCommand.commandLine(NOWHERE, NOWHERE, args).getSubcommands().keySet();
  }

  @Test
  void versionBuildsNoSubcommand() {
    assertEquals(Set.of(), subcommands("--version"));
    assertEquals(Set.of(), subcommands("-V"));
  }

  @Test
  void aNamedSubcommandIsTheOnlyOneBuilt() {
    assertEquals(Set.of("validate"), subcommands("validate", "mesh.yaml"));
    assertEquals(Set.of("apply"), subcommands("apply", "--help"));
  }

  @Test
  void helpCompletionNoArgumentsAndUnknownNamesGetTheWholeTree() {
    Set<String> all = MeshctlCommand.commandLine(NOWHERE, NOWHERE).getSubcommands().keySet();
    assertEquals(14, all.size(), all.toString());
    for (List<String> args : List.<List<String>>of(List.of(), List.of("help", "apply"), List.of("completion", "bash"), List.of("aply"), List.of("--help"))) {
      assertEquals(all, subcommands(args.toArray(String[]::new)), args.toString());
    }
  }

  @Test
  void aMistypedSubcommandIsStillSuggested() {
    StringWriter err = new StringWriter();
    int code = Main.run(NOWHERE, new PrintWriter(err), "aply");
    assertTrue(code != 0);
    assertTrue(err.toString().contains("apply"), err.toString());
  }

  @Test
  void versionPrintsTheSameWithEitherTree() {
    StringWriter part = new StringWriter();
    StringWriter whole = new StringWriter();
    MeshctlCommand.commandLine(new PrintWriter(part), NOWHERE, "--version").execute("--version");
    CommandLine full = MeshctlCommand.commandLine(new PrintWriter(whole), NOWHERE);
    full.execute("--version");
    full.getOut().flush();
    assertEquals(whole.toString(), part.toString());
    assertTrue(part.toString().startsWith("meshctl "), part.toString());
  }
}
