package dev.meshctl.dsl.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.meshctl.dsl.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The corpus of broken specs in {@code specs/invalid}: each {@code case.yaml} must give exactly the
 * diagnostics in {@code case.expected}. Run with {@code -Dmeshctl.updateGolden=true} to rewrite the
 * expected files after an intended change, then review the diff.
 */
class InvalidSpecsTest {
  static final Path CORPUS = Path.of("..", "specs", "invalid");
  static final LoadOptions OPTIONS =
      new LoadOptions(
          Map.of("VNS3_API_PASSWORD", "corpus-password", "VNS3_KEYSET_TOKEN", "corpus-token"), Optional.empty());

  @TestFactory
  Stream<DynamicTest> everyCaseGivesItsExpectedDiagnostics() throws IOException {
    List<Path> cases;
    try (Stream<Path> files = Files.list(CORPUS)) {
      cases = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertTrue(cases.size() >= 20, "the corpus has " + cases.size() + " cases");
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
  }

  private static void check(Path spec) throws IOException {
    String name = spec.getFileName().toString();
    LoadResult result =
        SpecLoader.loadString(Files.readString(spec, StandardCharsets.UTF_8), name, CORPUS, OPTIONS);
    List<String> actual = result.diagnostics().stream().map(Diagnostic::format).toList();
    assertFalse(actual.isEmpty(), name + " gives no diagnostics");
    Path golden = CORPUS.resolve(name.replace(".yaml", ".expected"));
    if (Boolean.getBoolean("meshctl.updateGolden")) {
      Files.writeString(golden, String.join("\n", actual) + "\n", StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(golden)) {
      fail(golden + " is missing; run with -Dmeshctl.updateGolden=true to create it");
    }
    List<String> expected = Files.readAllLines(golden, StandardCharsets.UTF_8);
    if (!expected.equals(actual)) {
      fail(name + " diagnostics differ from " + golden + " (- expected, + actual):\n" + diff(expected, actual)
          + "\nIf the change is intended: mvn test -pl dsl-schema -Dmeshctl.updateGolden=true");
    }
  }

  /** A line diff: lines only in {@code expected} with '-', only in {@code actual} with '+'. */
  static String diff(List<String> expected, List<String> actual) {
    List<String> out = new ArrayList<>();
    expected.stream().filter(l -> !actual.contains(l)).forEach(l -> out.add("- " + l));
    actual.stream().filter(l -> !expected.contains(l)).forEach(l -> out.add("+ " + l));
    if (out.isEmpty()) {
      out.add("(same lines, different order)");
    }
    return String.join("\n", out);
  }

  @Test
  void oversizedFileIsRefusedWithoutParsing(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    Path big = dir.resolve("big.yaml");
    StringBuilder text = new StringBuilder("apiVersion: meshctl/v1\nkind: Mesh\ncomment: |\n");
    while (text.length() < 2_000_000) {
      text.append("  ").append("x".repeat(100)).append('\n');
    }
    Files.writeString(big, text);
    LoadResult r = SpecLoader.load(big, OPTIONS);
    assertEquals(1, r.diagnostics().size());
    String message = r.diagnostics().get(0).format();
    assertTrue(message.startsWith(big + ":1:1: error: the file is too large ("), message);
    LoadResult fromString = SpecLoader.loadString(text.toString(), "big.yaml", dir, OPTIONS);
    assertTrue(fromString.diagnostics().get(0).message().startsWith("the file is too large"));
  }

  @Test
  void missingFileIsOneClearError() {
    LoadResult r = SpecLoader.load(Path.of("no-such-mesh.yaml"), OPTIONS);
    assertEquals(List.of("error: file no-such-mesh.yaml does not exist"), r.diagnostics().stream().map(Diagnostic::format).toList());
  }
}
