package dev.meshctl.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the commands of one document in one JVM, in the working directory and environment the
 * test gives it: one JVM start per document instead of per command. Input: one command per line,
 * {@code STDOUT-FILE<TAB>arg<TAB>arg...} ({@code -} for none). Output, per command N: {@code
 * N.code}, {@code N.out}, {@code N.err} in the results directory.
 */
final class DocsBatch {
  private DocsBatch() {}

  public static void main(String[] args) throws Exception {
    List<String> commands = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
    Path results = Path.of(args[1]);
    for (int i = 0; i < commands.size(); i++) {
      String[] parts = commands.get(i).split("\t", -1);
      String[] argv = java.util.Arrays.copyOfRange(parts, 1, parts.length);
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), argv);
      if (!parts[0].equals("-")) {
        Files.writeString(Path.of(parts[0]), out.toString());
      }
      Files.writeString(results.resolve(i + ".out"), out.toString());
      Files.writeString(results.resolve(i + ".err"), err.toString());
      Files.writeString(results.resolve(i + ".code"), Integer.toString(code));
    }
    System.exit(0);
  }
}
