package dev.meshctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/**
 * Every meshctl command shown in the docs runs. Commands are the lines starting with {@code
 * meshctl} or {@code ./meshctl} in fenced {@code sh} and {@code console} blocks of README.md and
 * docs/*.md. They run in order, per document, from a copy of examples/ whose local mesh
 * (examples/local/mesh.yaml) is simulated, with its secrets in the environment.
 *
 * <p>Annotations, as comment lines in the block right above a command: {@code # exit: N} (the
 * exit code the doc promises, default 0); {@code # needs: WHAT} (needs what a test does not
 * have, such as real AWS controllers or a terminal: its flags are only parsed).
 */
class DocsCommandsIT {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** One command of a document. */
  record DocCommand(String doc, int line, List<String> args, String stdout, int exit, String needs) {
    String label() {
      return doc + ":" + line + ": meshctl " + String.join(" ", args);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyDocumentedCommandRuns() throws IOException {
    List<Path> docs = new ArrayList<>();
    docs.add(ROOT.resolve("README.md"));
    try (Stream<Path> s = Files.list(ROOT.resolve("docs"))) {
      s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Path doc : docs) {
      List<DocCommand> commands = extract(ROOT.relativize(doc).toString(), Files.readAllLines(doc));
      if (!commands.isEmpty()) {
        tests.add(DynamicTest.dynamicTest(ROOT.relativize(doc).toString(), () -> runAll(commands)));
      }
    }
    assertTrue(tests.size() >= 3, "documents with commands: " + tests.size());
    return tests.stream();
  }

  /** The commands of a document, with their annotations. */
  static List<DocCommand> extract(String doc, List<String> lines) {
    List<DocCommand> out = new ArrayList<>();
    boolean inBlock = false;
    int exit = 0;
    String needs = "";
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("```")) {
        inBlock = !inBlock && (line.equals("```sh") || line.equals("```console"));
        exit = 0;
        needs = "";
        continue;
      }
      if (!inBlock) {
        continue;
      }
      int start = i + 1;
      while (line.endsWith("\\") && i + 1 < lines.size()) {
        line = line.substring(0, line.length() - 1) + " " + lines.get(++i).strip();
      }
      if (line.startsWith("$ ")) {
        line = line.substring(2);
      }
      if (line.startsWith("# exit:")) {
        exit = Integer.parseInt(line.substring("# exit:".length()).strip());
      } else if (line.startsWith("# needs:")) {
        needs = line.substring("# needs:".length()).strip();
      } else if (line.startsWith("meshctl ") || line.startsWith("./meshctl ")) {
        List<String> words = words(line.substring(line.indexOf("meshctl ") + "meshctl ".length()));
        String stdout = "-";
        int redirect = words.indexOf(">");
        if (redirect >= 0) {
          stdout = words.get(redirect + 1);
          words = words.subList(0, redirect);
        }
        out.add(new DocCommand(doc, start, List.copyOf(words), stdout, exit, needs));
        exit = 0;
        needs = "";
      }
    }
    return out;
  }

  /** Shell words: quotes group, {@code #} starts a comment, {@code |}, {@code &&} end the command. */
  static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          w.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(w.toString());
          w.setLength(0);
          inWord = false;
        }
      } else if (!inWord && (c == '#' || c == '|' || c == '&' || c == ';')) {
        break;
      } else {
        w.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(w.toString());
    }
    return words;
  }

  private static void runAll(List<DocCommand> commands) throws Exception {
    Path sandbox = Files.createTempDirectory("meshctl-docs");
    copy(ROOT.resolve("examples"), sandbox.resolve("examples"));
    Path localDir = sandbox.resolve("examples/local");
    Files.delete(localDir.resolve("mesh.yaml"));
    try (LocalMesh mesh = LocalMesh.start(localDir)) {
      List<DocCommand> runnable = new ArrayList<>();
      for (DocCommand c : commands) {
        if (c.needs().isEmpty()) {
          runnable.add(c);
        } else {
          parseOnly(c);
        }
      }
      Path batch = sandbox.resolve(".commands");
      Path results = Files.createDirectories(sandbox.resolve(".results"));
      StringBuilder lines = new StringBuilder();
      for (DocCommand c : runnable) {
        lines.append(c.stdout());
        c.args().forEach(a -> lines.append('\t').append(mesh.withPorts(a)));
        lines.append('\n');
      }
      Files.writeString(batch, lines.toString());
      List<String> cmd = new ArrayList<>(MeshctlProcess.command());
      cmd.set(cmd.size() - 1, DocsBatch.class.getName());
      cmd.add(batch.toString());
      cmd.add(results.toString());
      Map<String, String> env = new HashMap<>(LocalMesh.env());
      env.put("VNS3_API_PASSWORD", LocalMesh.PASSWORD);
      env.put("VNS3_KEYSET_TOKEN", LocalMesh.KEYSET_TOKEN);
      CommandRun batchRun = new MeshctlProcess(sandbox, env).exec(cmd);
      assertEquals(0, batchRun.code(), batchRun::toString);
      for (int i = 0; i < runnable.size(); i++) {
        DocCommand c = runnable.get(i);
        int code = Integer.parseInt(Files.readString(results.resolve(i + ".code")));
        String out = Files.readString(results.resolve(i + ".out"));
        String err = Files.readString(results.resolve(i + ".err"));
        if (code != c.exit()) {
          fail(c.label() + "\nexited " + code + ", the doc says " + c.exit() + "\n--- out\n" + out + "--- err\n" + err);
        }
      }
    }
  }

  /** Flags and arguments are valid: the command would start. */
  private static void parseOnly(DocCommand c) {
    CommandLine cl =
        MeshctlCommand.commandLine(
            new java.io.PrintWriter(java.io.Writer.nullWriter()), new java.io.PrintWriter(java.io.Writer.nullWriter()));
    try {
      cl.parseArgs(c.args().toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      fail(c.label() + " (needs: " + c.needs() + "): " + e.getMessage());
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.filter(p -> !p.toString().contains("/.terraform")).toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
