package dev.meshctl.dsl.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.load.LoadOptions;
import dev.meshctl.dsl.load.LoadResult;
import dev.meshctl.dsl.load.SpecLoader;
import dev.meshctl.dsl.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class SpecFormatterTest {
  static final Path ROOT = Path.of("..");
  static final LoadOptions ENV =
      new LoadOptions(
          Map.of(
              "MESHCTL_SIM_PASSWORD", "pw",
              "MESHCTL_KEYSET_TOKEN", "tok",
              "VNS3_API_PASSWORD", "pw",
              "VNS3_KEYSET_TOKEN", "tok",
              "MESH_KEYSET_TOKEN", "tok"),
          Optional.empty());

  /** Every example and spec scenario that is valid YAML. */
  static List<Path> corpus() throws IOException {
    try (Stream<Path> examples = Files.walk(ROOT.resolve("examples"));
        Stream<Path> specs = Files.walk(ROOT.resolve("specs"))) {
      List<Path> all =
          Stream.concat(
                  examples.filter(p -> p.getFileName().toString().equals("mesh.yaml")),
                  specs.filter(p -> p.toString().endsWith(".yaml")))
              .filter(p -> !p.toString().contains("/.terraform/"))
              .sorted()
              .toList();
      assertTrue(all.size() > 10, "examples and specs found: " + all);
      return all;
    }
  }

  @TestFactory
  Stream<DynamicTest> formattingIsIdempotentAndKeepsMeaning() throws IOException {
    return corpus().stream()
        .filter(p -> YamlReader.read(read(p), p.toString()).document().isPresent())
        .map(p -> DynamicTest.dynamicTest(p.toString(), () -> idempotentAndSameMeaning(p)));
  }

  private static void idempotentAndSameMeaning(Path file) {
    String text = read(file);
    FormatResult once = SpecFormatter.format(text, file.toString());
    assertTrue(once.ok(), () -> once.diagnostics().toString());
    String formatted = once.formatted().orElseThrow();
    FormatResult twice = SpecFormatter.format(formatted, file.toString());
    assertEquals(formatted, twice.formatted().orElseThrow(), "fmt of fmt changes " + file);
    assertFalse(twice.changed());

    Path dir = file.toAbsolutePath().getParent();
    String name = file.getFileName().toString();
    LoadResult before = SpecLoader.loadString(text, name, dir, ENV);
    LoadResult after = SpecLoader.loadString(formatted, name, dir, ENV);
    assertEquals(before.spec(), after.spec(), "resolved spec of " + file);
    assertEquals(meaning(before.diagnostics()), meaning(after.diagnostics()), "diagnostics of " + file);
  }

  /** The examples are what users copy: each is already in canonical form ({@code fmt --check} passes). */
  @TestFactory
  Stream<DynamicTest> examplesAreCanonical() throws IOException {
    return corpus().stream()
        .filter(p -> p.startsWith(ROOT.resolve("examples")))
        .map(p -> DynamicTest.dynamicTest(p.toString(), () -> {
          FormatResult r = SpecFormatter.format(read(p), p.toString());
          assertTrue(r.ok(), () -> r.diagnostics().toString());
          assertFalse(r.changed(), "not canonical, run: meshctl fmt " + ROOT.relativize(p));
        }));
  }

  /** Diagnostics without their line and column, which formatting is free to move. */
  private static List<String> meaning(List<Diagnostic> ds) {
    return ds.stream().map(d -> d.severity() + " " + d.path() + " " + d.message()).sorted().toList();
  }

  @Test
  void ordersKeysAsTheSchemaListsThemAndKeepsTheirComments() {
    String in =
        """
        # header
        controllers:
          # the root
          - subnet: 10.0.1.0/25   # its subnet
            name: a
            endpoint: 127.0.0.1:8001
        kind: Mesh
        # the version
        apiVersion: meshctl/v1
        """;
    String out =
        """
        # header
        # the version
        apiVersion: meshctl/v1
        kind: Mesh
        controllers:
          # the root
          - name: a
            endpoint: 127.0.0.1:8001
            subnet: 10.0.1.0/25 # its subnet
        """;
    assertEquals(out, format(in));
  }

  @Test
  void quotesOnlyWhereNeededAndKeepsReferencesAsWritten() {
    String in =
        """
        metadata:
          name: 'mesh'
        keyset:
          token: "${env:TOKEN}"
        x:
          yes_string: "true"
          number_string: '8000'
          colon: "a: b"
          quote: "it's"
          tab: "a\\tb"
          number: 8000
          plain: yes
        """;
    String out =
        """
        metadata:
          name: mesh
        keyset:
          token: "${env:TOKEN}"
        x:
          yes_string: 'true'
          number_string: '8000'
          colon: 'a: b'
          quote: it's
          tab: "a\\tb"
          number: 8000
          plain: yes
        """;
    assertEquals(out, format(in));
  }

  @Test
  void reindentsToTwoSpacesAndCollapsesBlankLines() {
    String in =
        """
        defaults:
             api:


                 username: api



        root:    a
        peering:
            links:
            -   between: [ a,b ]
                overlay_mtu: 1400
        """;
    String out =
        """
        defaults:
          api:
            username: api

        root: a
        peering:
          links:
            - between: [a, b]
              overlay_mtu: 1400
        """;
    assertEquals(out, format(in));
  }

  @Test
  void keepsFlowCollectionsOfScalarsAndBreaksUpNestedOnes() {
    String in = "license: {parameters: {default: true}, file: ./l.txt}\n";
    String out = "license:\n  file: ./l.txt\n  parameters: {default: true}\n";
    assertEquals(out, format(in));
  }

  @Test
  void writesMultiLineTextAsALiteralBlock() {
    String in = "description: \"line one\\nline two\\n\"\nother: \"no end\\nnewline\"\n";
    String out = "description: |\n  line one\n  line two\nother: |-\n  no end\n  newline\n";
    assertEquals(out, format(in));
  }

  @Test
  void keepsAnchorsAndAliases() {
    String in = "defaults:\n  api: &api\n    username: u\ncontrollers:\n  - name: a\n    api: *api\n";
    assertEquals(in, format(in));
  }

  @Test
  void invalidYamlGivesTheReadersDiagnosticsAndNoText() {
    FormatResult r = SpecFormatter.format("a: [b\nc: d\n", "bad.yaml");
    assertFalse(r.ok());
    assertFalse(r.changed());
    assertTrue(r.diagnostics().get(0).format().startsWith("bad.yaml:"), r.diagnostics().toString());
    assertTrue(r.diagnostics().get(0).isError());
  }

  @Test
  void aFormattedFileIsUnchanged() {
    String canonical = "apiVersion: meshctl/v1\nkind: Mesh\n";
    FormatResult r = SpecFormatter.format(canonical, "m.yaml");
    assertFalse(r.changed());
  }

  private static String format(String in) {
    FormatResult r = SpecFormatter.format(in, "t.yaml");
    assertTrue(r.ok(), () -> r.diagnostics().toString());
    return r.formatted().orElseThrow();
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
