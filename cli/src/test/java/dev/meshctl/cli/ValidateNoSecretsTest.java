package dev.meshctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code meshctl validate --no-secrets}: a fork's pull request, with no variable and no license. */
class ValidateNoSecretsTest {
  /** Every secret is a reference to something absent here: no variable set, no file written. */
  static final String SPEC =
      """
      apiVersion: meshctl/v1
      kind: Mesh
      metadata: {name: fork-pr}
      defaults:
        api: {password: "${env:MESHCTL_TEST_ABSENT_PASSWORD}"}
      license: {file: ./license.txt}
      keyset:
        token: ${file:./secrets/keyset-token}
      controllers:
        - {name: a, endpoint: 10.9.0.1, private_ip: 10.0.1.10, subnet: 10.0.1.0/25}
        - {name: b, endpoint: 10.9.0.2, private_ip: 10.0.1.140, subnet: 10.0.1.128/25}
      """;

  @TempDir Path dir;

  private Path spec(String text) throws IOException {
    return Files.writeString(dir.resolve("mesh.yaml"), text);
  }

  @Test
  void withoutTheFlagTheAbsentSecretsAreErrors() throws IOException {
    ValidateCommandTest.Run r = ValidateCommandTest.run("validate", spec(SPEC).toString());
    assertEquals(1, r.code(), r::toString);
    assertTrue(r.err().contains("MESHCTL_TEST_ABSENT_PASSWORD is not set"), r::toString);
  }

  @Test
  void withTheFlagTheSpecValidatesAndNamesEachUncheckedReference() throws IOException {
    ValidateCommandTest.Run r = ValidateCommandTest.run("validate", "--no-secrets", spec(SPEC).toString());
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().contains(": valid — "), r::toString);
    assertTrue(r.out().contains("defaults.api.password: ${env:MESHCTL_TEST_ABSENT_PASSWORD}"), r::toString);
    assertTrue(r.out().contains("keyset.token: ${file:./secrets/keyset-token}"), r::toString);
    assertTrue(r.out().contains("license.file: ./license.txt"), r::toString);
  }

  @Test
  void withTheFlagNoSecretIsReadEvenWhenPresent() throws IOException {
    Files.createDirectories(dir.resolve("secrets"));
    Files.writeString(dir.resolve("secrets/keyset-token"), "keyset-secret-value\n");
    Files.writeString(dir.resolve("license.txt"), "LICENSE-SECRET-TEXT\n");
    ValidateCommandTest.Run r =
        ValidateCommandTest.run("validate", "--no-secrets", "--json", spec(SPEC).toString());
    assertEquals(0, r.code(), r::toString);
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertTrue(json.path("valid").asBoolean(), r::toString);
    assertEquals(3, json.path("unread").size(), r::toString);
    assertFalse(r.out().contains("keyset-secret-value") || r.out().contains("LICENSE-SECRET-TEXT"), r::toString);
  }

  @Test
  void aMalformedReferenceStillFails() throws IOException {
    String bad = SPEC.replace("${env:MESHCTL_TEST_ABSENT_PASSWORD}", "${env:9-not a name}");
    ValidateCommandTest.Run r = ValidateCommandTest.run("validate", "--no-secrets", spec(bad).toString());
    assertEquals(1, r.code(), r::toString);
    assertTrue(r.err().contains("is not an environment variable name"), r::toString);
  }

  @Test
  void aReferenceWithNoFileOrAnUnknownSchemeStillFails() throws IOException {
    ValidateCommandTest.Run noFile =
        ValidateCommandTest.run(
            "validate", "--no-secrets", spec(SPEC.replace("${file:./secrets/keyset-token}", "${file:}")).toString());
    assertEquals(1, noFile.code(), noFile::toString);
    ValidateCommandTest.Run scheme =
        ValidateCommandTest.run(
            "validate", "--no-secrets", spec(SPEC.replace("${file:./secrets/keyset-token}", "${vault:x}")).toString());
    assertEquals(1, scheme.code(), scheme::toString);
    assertTrue(scheme.err().contains("not a valid reference"), scheme::toString);
  }

  @Test
  void aSchemaErrorElsewhereStillFails() throws IOException {
    ValidateCommandTest.Run r =
        ValidateCommandTest.run("validate", "--no-secrets", spec(SPEC.replace("subnet: 10.0.1.0/25", "subnet: nope")).toString());
    assertEquals(1, r.code(), r::toString);
  }
}
