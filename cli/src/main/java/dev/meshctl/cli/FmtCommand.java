package dev.meshctl.cli;

import dev.meshctl.cli.views.View;
import dev.meshctl.dsl.format.FormatResult;
import dev.meshctl.dsl.format.SpecFormatter;
import dev.meshctl.dsl.format.UnifiedDiff;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code meshctl fmt}: rewrites mesh specs in canonical form, in place, keeping comments. With
 * {@code --check} nothing is written: the files that would change are listed and the exit code is
 * 1, which is what a CI job wants.
 */
@Command(
    name = "fmt",
    mixinStandardHelpOptions = true,
    description = {
      "Rewrite mesh specs in canonical form: keys in schema order, 2-space indentation, quotes only"
          + " where needed. Comments and $${...} references are kept. Prints the files it changes."
    },
    footer = {
      "",
      "Examples:",
      "  meshctl fmt mesh.yaml",
      "  meshctl fmt --check --diff mesh.yaml   # CI: exit 1 if unformatted"
    })
final class FmtCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "0..*", description = "Spec files (default: mesh.yaml).")
  List<Path> files;

  @Option(names = "--check", description = "Write nothing; list the files that would change and exit 1 if any.")
  boolean check;

  @Option(names = "--diff", description = "Also print a unified diff of each change.")
  boolean diff;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    View view = View.human(out, err, MaskedOutput.masker(err));
    boolean failed = false;
    boolean unformatted = false;
    for (Path file : files == null || files.isEmpty() ? List.of(Path.of("mesh.yaml")) : files) {
      Outcome o = formatOne(file, out, view);
      failed |= o == Outcome.FAILED;
      unformatted |= o == Outcome.CHANGED;
    }
    out.flush();
    err.flush();
    return failed || (check && unformatted) ? ExitCodes.ERROR : ExitCodes.OK;
  }

  private enum Outcome {
    UNCHANGED,
    CHANGED,
    FAILED
  }

  private Outcome formatOne(Path file, PrintWriter out, View view) {
    String name = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | java.io.UncheckedIOException e) {
      view.error("cannot read " + name + (Files.exists(file) ? "" : ": no such file"));
      return Outcome.FAILED;
    }
    FormatResult result = SpecFormatter.format(text, name);
    if (!result.ok()) {
      view.diagnostics(result.diagnostics());
      return Outcome.FAILED;
    }
    if (!result.changed()) {
      return Outcome.UNCHANGED;
    }
    String formatted = result.formatted().orElseThrow();
    out.println(name);
    if (diff) {
      out.print(UnifiedDiff.of(name, text, formatted));
    }
    if (!check && !write(file, formatted, view)) {
      return Outcome.FAILED;
    }
    return Outcome.CHANGED;
  }

  /** Replaces the file atomically, so an interrupted fmt never leaves half a spec. */
  private static boolean write(Path file, String text, View view) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".fmt");
      try {
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
      return true;
    } catch (IOException e) {
      view.error("cannot write " + file + ": " + e.getClass().getSimpleName());
      return false;
    }
  }
}
