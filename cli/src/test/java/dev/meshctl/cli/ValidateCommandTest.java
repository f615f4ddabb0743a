package dev.meshctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code meshctl validate} and {@code meshctl schema} through the real command line. */
class ValidateCommandTest {
  static final String SPEC =
      """
      apiVersion: meshctl/v1
      kind: Mesh
      metadata: {name: cli-mesh}
      defaults:
        api: {password: not-from-env}
      license: {file: ./license.txt}
      keyset:
        token: ${file:./token.txt}
      controllers:
        - {name: a, endpoint: 10.9.0.1, private_ip: 10.0.1.10, subnet: 10.0.1.0/25}
        - {name: b, endpoint: 10.9.0.2, private_ip: 10.0.1.140, subnet: 10.0.1.128/25}
        - {name: c, endpoint: 10.9.0.3, private_ip: 10.0.2.10, subnet: 10.0.2.0/25}
      """;

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private Path validSpec() throws IOException {
    write("license.txt", "LICENSE\n");
    write("token.txt", "keyset-secret\n");
    return write("mesh.yaml", SPEC);
  }

  @Test
  void validSpecPrintsOneLineSummaryAndWarnings() throws IOException {
    Path spec = validSpec();
    Run r = run("validate", spec.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(
        spec + ": valid — topology \"cli-mesh\", 3 controllers, 6 peer links, root a\n", r.out());
    assertTrue(r.err().contains(spec + ":5:19: warning: secret given inline"), r.err());
    assertFalse(r.err().contains("not-from-env"), "a secret leaked: " + r.err());
  }

  @Test
  void brokenSpecListsEveryErrorWithLineAndColumn() throws IOException {
    validSpec();
    Path spec =
        write(
            "broken.yaml",
            SPEC.replace("subnet: 10.0.1.0/25", "subnet: 10.0.1.0/33").replace("private_ip: 10.0.2.10", "privat_ip: 10.0.2.10"));
    Run r = run("validate", spec.toString());
    assertEquals(1, r.code());
    assertEquals("", r.out());
    String[] lines = r.err().split("\n");
    assertEquals(spec + ":10:66: error: 'subnet' 10.0.1.0/33 is not a valid CIDR block (controllers[0].subnet)", lines[1]);
    assertTrue(r.err().contains("unknown key 'privat_ip' (controllers[2].privat_ip); did you mean 'private_ip'?"), r.err());
    assertEquals("3 errors, 1 warning", lines[lines.length - 1]);
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void jsonOutputIsMachineReadable() throws IOException {
    validSpec();
    Path spec = write("bad.yaml", SPEC.replace("endpoint: 10.9.0.2", "endpoint: 10.9.0.1"));
    Run r = run("validate", "--json", spec.toString());
    assertEquals(1, r.code());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertFalse(json.get("valid").asBoolean());
    JsonNode error = json.get("diagnostics").get(1);
    assertEquals("error", error.get("severity").asText());
    assertEquals("endpoint 10.9.0.1:8000 is already used by controllers[0]", error.get("message").asText());
    assertEquals(spec.toString(), error.get("file").asText());
    assertEquals(11, error.get("line").asInt());
    assertEquals("controllers[1].endpoint", error.get("path").asText());
    assertTrue(error.get("hint").isNull());
  }

  @Test
  void endpointMapRetargetsControllers() throws IOException {
    Path spec = validSpec();
    Path map = write("map.yaml", "a: 127.0.0.1:8001\n10.9.0.2: http://127.0.0.1:8002\nzz: 127.0.0.1:8009\n");
    Run r = run("validate", "--endpoint-map", map.toString(), spec.toString());
    assertEquals(1, r.code());
    assertTrue(
        r.err().contains(map + ":3:1: error: endpoint map entry 'zz' matches no controller name or endpoint host (zz)"),
        r.err());
  }

  @Test
  void missingFileIsOneLineNotAStackTrace() {
    Run r = run("validate", dir.resolve("nope.yaml").toString());
    assertEquals(1, r.code());
    assertTrue(r.err().startsWith("meshctl: error: file " + dir.resolve("nope.yaml") + " does not exist\n"), r.err());
  }

  @Test
  void schemaCommandPrintsTheJsonSchema() throws IOException {
    Run r = run("schema");
    assertEquals(0, r.code());
    JsonNode schema = new ObjectMapper().readTree(r.out());
    assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asText());
    assertTrue(schema.get("properties").has("controllers"));
  }

  @Test
  void helpShowsAnExample() {
    assertTrue(run("validate", "--help").out().contains("meshctl validate mesh.yaml"));
    assertTrue(run("schema", "--help").out().contains("meshctl schema > mesh.schema.json"));
  }
}
