package dev.meshctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command's {@code --json} reports its problems as diagnostic objects (severity, address,
 * message, hint, place in the file), whether they come from the spec loader, the engine or a
 * flag; and the human form prints each as one {@code meshctl: error:} line.
 */
class JsonDiagnosticsTest {
  /**
   * validate's spec on ports 1 to 3 of the loopback, which refuse at once: every controller is
   * unreadable, without waiting.
   */
  private static final String SPEC =
      ValidateCommandTest.SPEC
          .replace("endpoint: 10.9.0.1", "endpoint: \"127.0.0.1:1\"")
          .replace("endpoint: 10.9.0.2", "endpoint: \"127.0.0.1:2\"")
          .replace("endpoint: 10.9.0.3", "endpoint: \"127.0.0.1:3\"");

  @TempDir Path dir;
  private Path spec;
  private Path typo;

  @BeforeEach
  void specs() throws IOException {
    Files.writeString(dir.resolve("license.txt"), "LICENSE\n");
    Files.writeString(dir.resolve("token.txt"), "keyset-secret\n");
    spec = Files.writeString(dir.resolve("mesh.yaml"), SPEC);
    typo = Files.writeString(dir.resolve("typo.yaml"), SPEC.replace("private_ip: 10.0.1.140", "privat_ip: 10.0.1.140"));
  }

  /** The spec loader's error: where, which key, and the hint. */
  private void assertTypo(JsonObject d) {
    assertEquals("error", d.getString("severity"), d::encode);
    assertEquals("controllers[1].privat_ip", d.getString("address"), d::encode);
    assertEquals("unknown key 'privat_ip'", d.getString("message"));
    assertEquals("did you mean 'private_ip'?", d.getString("hint"));
    assertEquals(typo.toString(), d.getString("file"));
    assertEquals(11, d.getInteger("line"));
  }

  private static JsonObject only(JsonArray diagnostics, String severity) {
    List<JsonObject> found =
        diagnostics.stream().map(JsonObject.class::cast).filter(d -> severity.equals(d.getString("severity"))).toList();
    assertEquals(1, found.size(), diagnostics::encodePrettily);
    return found.get(0);
  }

  /** The typo's diagnostic among those the typo causes (the key it should be is missing, too). */
  private static JsonObject typoIn(JsonArray diagnostics) {
    return diagnostics.stream()
        .map(JsonObject.class::cast)
        .filter(d -> d.getString("message").startsWith("unknown key"))
        .findFirst()
        .orElseThrow(() -> new AssertionError(diagnostics.encodePrettily()));
  }

  @Test
  void validateListsTheLoadersDiagnosticsWithAddressAndHint() {
    CommandRun r = CommandRun.of("validate", "--json", typo.toString());
    assertEquals(1, r.code(), r::toString);
    JsonObject doc = new JsonObject(r.out());
    assertFalse(doc.getBoolean("valid"));
    assertTypo(typoIn(doc.getJsonArray("diagnostics")));
    assertEquals("", r.err());
  }

  @Test
  void diffAndPlanOfAnInvalidSpecPrintOneDiagnosticsDocument() {
    for (String command : List.of("diff", "plan")) {
      CommandRun r = CommandRun.of(command, "--json", typo.toString());
      assertEquals(1, r.code(), r::toString);
      JsonObject doc = new JsonObject(r.out());
      assertEquals("diagnostics", doc.getString("kind"), r::toString);
      assertEquals(1, doc.getInteger("format_version"));
      assertTypo(typoIn(doc.getJsonArray("diagnostics")));
      assertEquals("", r.err(), "nothing for people beside the JSON");
    }
  }

  @Test
  void planOfUnreadableControllersCarriesTheEnginesDiagnosticsAndTheSpecsWarnings() {
    CommandRun r = CommandRun.of("plan", "--json", spec.toString());
    assertEquals(1, r.code(), r::toString);
    JsonObject doc = new JsonObject(r.out());
    assertEquals("plan", doc.getString("kind"));
    JsonObject blocking = doc.getJsonArray("blocking").getJsonObject(0);
    assertEquals("error", blocking.getString("severity"));
    assertEquals("controller[\"a\"]", blocking.getString("address"));
    assertTrue(blocking.getString("message").startsWith("cannot read: "), blocking::encode);
    JsonObject warning = only(doc.getJsonArray("diagnostics"), "warning");
    assertEquals("defaults.api.password", warning.getString("address"), warning::encode);
    assertEquals(5, warning.getInteger("line"));
    assertEquals("", r.err());
  }

  @Test
  void applyStreamsTheLoadersDiagnosticsAsEvents() {
    CommandRun r = CommandRun.of("apply", "--json", "--auto-approve", typo.toString());
    assertEquals(1, r.code(), r::toString);
    List<JsonObject> events = r.out().lines().map(JsonObject::new).toList();
    JsonObject error = typoIn(new JsonArray(events));
    assertEquals("diagnostic", error.getString("type"));
    assertTypo(error);
    assertEquals("", r.err());
  }

  @Test
  void applyRefusalKeepsTheBlockingDiagnosticsAddresses() {
    CommandRun r = CommandRun.of("apply", "--json", "--auto-approve", spec.toString());
    assertEquals(1, r.code(), r::toString);
    List<String> lines = r.out().lines().toList();
    JsonObject finished = new JsonObject(lines.get(lines.size() - 1));
    assertEquals("apply_finished", finished.getString("type"));
    assertEquals("refused", finished.getString("outcome"));
    JsonArray problems = finished.getJsonArray("problems");
    assertEquals(3, problems.size(), problems::encode);
    assertEquals("controller[\"a\"]", problems.getJsonObject(0).getString("address"));
    assertEquals("controller[\"c\"]", problems.getJsonObject(2).getString("address"));
    assertEquals("error", problems.getJsonObject(0).getString("severity"));
  }

  @Test
  void aBadFlagIsADiagnosticInJsonAndOneErrorLineForPeople() {
    CommandRun json = CommandRun.of("apply", "--json", "--waits", "never", spec.toString());
    assertEquals(1, json.code());
    JsonObject event = new JsonObject(json.out().strip());
    assertEquals("diagnostic", event.getString("type"));
    assertEquals("error", event.getString("severity"));
    assertEquals("--waits must be vns3 or simulated, not 'never'", event.getString("message"));
    assertEquals("", json.err());

    CommandRun human = CommandRun.of("apply", "--waits", "never", spec.toString());
    assertEquals(1, human.code());
    assertEquals("", human.out());
    assertEquals("meshctl: error: --waits must be vns3 or simulated, not 'never'\n", human.err());
  }

  @Test
  void formatJsonStillWorksAndSaysInItsDiagnosticsThatItIsDeprecated() {
    CommandRun old = CommandRun.of("plan", "--format", "json", spec.toString());
    CommandRun now = CommandRun.of("plan", "--json", spec.toString());
    assertEquals(now.code(), old.code());
    JsonObject oldDoc = new JsonObject(old.out());
    JsonObject warning =
        oldDoc.getJsonArray("diagnostics").stream()
            .map(JsonObject.class::cast)
            .filter(d -> d.getString("message").contains("--format json is deprecated"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(old.toString()));
    assertEquals("warning", warning.getString("severity"));
    assertEquals(new JsonObject(now.out()).getJsonArray("actions"), oldDoc.getJsonArray("actions"));
    assertEquals("", old.err());
  }

  @Test
  void aPlanThatCannotBeSavedSaysSoInsideTheOneDocument() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("taken"));
    CommandRun r = CommandRun.of("plan", "--json", spec.toString(), "-out", folder.toString());
    assertEquals(1, r.code(), r::toString);
    JsonObject doc = new JsonObject(r.out());
    assertEquals("plan", doc.getString("kind"));
    JsonObject error = only(doc.getJsonArray("diagnostics"), "error");
    assertTrue(error.getString("message").startsWith("cannot write the plan to " + folder), error::encode);
    assertEquals("", r.err());
  }
}
