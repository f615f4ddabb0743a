package dev.meshctl.cli.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.cli.reliability.CliMesh.Run;
import dev.meshctl.simulator.SimTimings;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Bad input never gets a stack trace: random and mutated specs, wrong encodings, huge and deeply
 * nested documents and random arguments end in a diagnostic and exit 1 (or a usage message), and
 * no request reaches the simulated controllers the specs point at.
 */
class BadInputProperties {
  private static Path dir;
  private static CliMesh mesh;
  private static String valid;

  @BeforeContainer
  static void start() throws Exception {
    dir = Files.createTempDirectory("meshctl-bad-input");
    mesh = CliMesh.start(dir, SimTimings.FAST);
    valid = Files.readString(mesh.spec);
  }

  @AfterContainer
  static void stop() throws Exception {
    mesh.close();
  }

  private static void assertClean(Run r) {
    String all = r.out() + r.err();
    assertFalse(all.contains("\tat "), () -> "stack trace:\n" + r);
    assertFalse(Pattern.compile("\\b[a-z]+(\\.[a-z0-9_]+)+\\.[A-Z]\\w*(Exception|Error)\\b").matcher(all).find(), () -> "an exception class name:\n" + r);
    assertFalse(all.contains("NullPointer") || all.contains("ClassCast") || all.contains("IndexOutOfBounds"), () -> r.toString());
  }

  /** Writes {@code bytes} as a spec, runs validate and plan on it, and checks both end cleanly. */
  private static void check(byte[] bytes) throws Exception {
    Path file = Files.write(Files.createTempFile(dir, "spec", ".yaml"), bytes);
    long before = mesh.requests();
    Run validate = CliMesh.run("validate", file.toString());
    assertClean(validate);
    if (validate.code() != 0) {
      assertEquals(1, validate.code(), validate::toString);
      assertTrue(validate.err().contains("error"), () -> "no diagnostic:\n" + validate);
      Run plan = CliMesh.run("plan", file.toString(), "--no-color");
      assertClean(plan);
      assertEquals(1, plan.code(), plan::toString);
      assertTrue(plan.err().contains("error"), () -> "no diagnostic:\n" + plan);
      assertEquals(before, mesh.requests(), () -> "a request was sent for an invalid spec:\n" + plan);
    } else {
      assertEquals(before, mesh.requests(), "validate sends no request");
    }
    Files.delete(file);
  }

  @Property(tries = 300, seed = "20261126")
  void mutatedValidSpecsEndInADiagnostic(@ForAll("mutations") List<Integer> edits) throws Exception {
    check(mutate(valid, edits).getBytes(StandardCharsets.UTF_8));
  }

  @Provide
  Arbitrary<List<Integer>> mutations() {
    return Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMinSize(1).ofMaxSize(6);
  }

  private static final String[] INSERTS = {
    ":", "{", "[", "]", "}", "- ", "&a ", "*a", "*nope", "\t", "${env:MESHCTL_NOPE}", "${file:/dev/null}",
    "${tf:x}", "!!binary ", "\"", "'", "#", "\n  ", "? ", "|", ">", "99999999999999999999", "-1", "0x", "\u0000",
    "10.0.0.0/33", "ctl9", "true", "null", "~", "1e400", "\uFFFF", "\uD800"
  };

  /** Applies seeded edits: delete, duplicate or truncate a line, insert a token, swap characters. */
  static String mutate(String text, List<Integer> edits) {
    StringBuilder s = new StringBuilder(text);
    for (int e : edits) {
      Random r = new Random(e);
      int at = s.length() == 0 ? 0 : r.nextInt(s.length());
      switch (r.nextInt(5)) {
        case 0 -> {
          int end = s.indexOf("\n", at);
          int start = s.lastIndexOf("\n", Math.max(0, at - 1));
          s.delete(Math.max(0, start), end < 0 ? s.length() : end);
        }
        case 1 -> {
          int start = Math.max(0, s.lastIndexOf("\n", Math.max(0, at - 1)));
          int end = s.indexOf("\n", at);
          s.insert(start, s.substring(start, end < 0 ? s.length() : end));
        }
        case 2 -> s.setLength(at);
        case 3 -> s.insert(at, INSERTS[r.nextInt(INSERTS.length)]);
        default -> {
          if (s.length() > at + 1) {
            char c = s.charAt(at);
            s.setCharAt(at, s.charAt(at + 1));
            s.setCharAt(at + 1, c);
          }
        }
      }
    }
    return s.toString();
  }

  @Property(tries = 150, seed = "20261126")
  void randomBytesEndInADiagnostic(@ForAll byte[] bytes) throws Exception {
    check(bytes);
  }

  @Property(tries = 150, seed = "20261126")
  void randomTextEndsInADiagnostic(@ForAll("yamlish") String text) throws Exception {
    check(text.getBytes(StandardCharsets.UTF_8));
  }

  @Provide
  Arbitrary<String> yamlish() {
    return Arbitraries.strings().withChars("abc:-{}[]#&*!|>'\"\n \t0123456789.,/$").ofMaxLength(400);
  }

  @Example
  void wrongEncodingsEndInADiagnostic() throws Exception {
    String accented = valid.replace("name: reliability", "name: réseau-ünïcode");
    for (Charset cs : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE, Charset.forName("UTF-32"))) {
      check(accented.getBytes(cs));
    }
    check(accented.getBytes(StandardCharsets.ISO_8859_1));
    byte[] nul = valid.getBytes(StandardCharsets.UTF_8);
    nul[nul.length / 2] = 0;
    check(nul);
    check(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xFF, (byte) 0xFE, 0, 1, 2});
  }

  @Example
  void hugeAndDeeplyNestedDocumentsEndInADiagnostic() throws Exception {
    check(("[".repeat(20_000) + "]".repeat(20_000)).getBytes(StandardCharsets.UTF_8));
    check(("{a: ".repeat(20_000) + "1" + "}".repeat(20_000)).getBytes(StandardCharsets.UTF_8));
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      deep.append("  ".repeat(i)).append("k").append(i).append(":\n");
    }
    check(deep.toString().getBytes(StandardCharsets.UTF_8));
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'k'; c++) {
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 10; i++) {
        bomb.append(i == 0 ? "" : ", ").append('*').append((char) (c - 1));
      }
      bomb.append("]\n");
    }
    check(bomb.toString().getBytes(StandardCharsets.UTF_8));
    StringBuilder huge = new StringBuilder(valid);
    for (int i = 0; i < 200_000; i++) {
      huge.append("extra_key_").append(i).append(": value\n");
    }
    check(huge.toString().getBytes(StandardCharsets.UTF_8));
    StringBuilder longLine = new StringBuilder("metadata: {name: ");
    longLine.append("x".repeat(5_000_000)).append("}\n");
    check(longLine.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 300, seed = "20261126")
  void randomArgumentsNeverGiveAStackTrace(@ForAll("arguments") List<String> args) {
    long before = mesh.requests();
    Run r = CliMesh.run(args.toArray(String[]::new));
    assertClean(r);
    assertTrue(r.code() == 0 || r.code() == 1 || r.code() == 2, r::toString);
    if (r.code() != 0) {
      assertFalse(r.err().isBlank(), () -> "a failure without a message:\n" + r);
    }
    assertEquals(before, mesh.requests(), r::toString);
  }

  @Provide
  Arbitrary<List<String>> arguments() {
    Arbitrary<String> words =
        Arbitraries.oneOf(
            Arbitraries.of(
                "validate", "diff", "plan", "apply", "graph", "fmt", "schema", "import", "unlock", "sim", "version",
                "--json", "--out", "-out", "--parallelism", "0", "-1", "abc", "--lock-timeout", "5x", "--waits", "never",
                "--endpoint-map", "--format", "xml", "--per-controller", "--verify-timeout", "--", "-", "=", "--break-lock",
                "--detailed-exitcode", "missing.yaml", "/dev/null", "/", "plan.json", "--check", "--diff", "--no-color",
                "\u0000", "é", "--parallelism=99999999999999999999"),
            Arbitraries.strings().ofMaxLength(12));
    return words.list().ofMaxSize(6).filter(a -> !a.isEmpty() && !(a.contains("sim") && !a.get(0).startsWith("-")) && !a.contains("import"));
  }

  /** Sanity: the unmutated spec is valid, so the mutations start from a spec meshctl accepts. */
  @Example
  void theStartingSpecIsValid() {
    Run r = CliMesh.run("validate", mesh.spec.toString());
    assertEquals(0, r.code(), r::toString);
    assertEquals(valid, mutate(valid, new ArrayList<>()));
  }
}
