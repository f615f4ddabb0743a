package dev.meshctl.cli.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.cli.reliability.CliMesh.Run;
import dev.meshctl.simulator.SimTimings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command path, with distinctive secret values (API password, keyset token, license text):
 * none of them may appear in what meshctl prints or in any file it writes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretsNeverLeaveIT {
  @TempDir static Path dir;
  private CliMesh mesh;
  private final List<String> checked = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    mesh = CliMesh.start(dir, SimTimings.FAST);
  }

  @AfterAll
  void stop() throws Exception {
    mesh.close();
  }

  /** The secret values and a distinctive line of the license text. */
  private List<String> secrets() {
    String licenseLine =
        mesh.license.lines().filter(l -> l.trim().length() >= 24).skip(1).findFirst().orElseThrow();
    return List.of(CliMesh.PASSWORD, CliMesh.TOKEN, licenseLine.trim());
  }

  private void assertNoSecret(String where, String text) {
    for (String s : secrets()) {
      assertFalse(text.contains(s), () -> "a secret appears in " + where + ":\n" + text);
    }
    checked.add(where);
  }

  private Run clean(String what, String... args) {
    Run r = CliMesh.run(args);
    assertNoSecret(what + " stdout", r.out());
    assertNoSecret(what + " stderr", r.err());
    return r;
  }

  /** Every file under the working directory that meshctl wrote (the secret files themselves aside). */
  private void assertNoSecretInFiles() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String name = f.getFileName().toString();
        if (name.equals("password.txt") || name.equals("token.txt") || name.equals("license.txt") || name.startsWith("wrong")) {
          continue;
        }
        assertNoSecret("file " + dir.relativize(f), Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1));
      }
    }
  }

  @Test
  void noCommandPrintsOrWritesASecret() throws Exception {
    String spec = mesh.spec.toString();
    assertEquals(0, clean("validate", "validate", spec).code());
    Run diff = clean("diff", "diff", spec, "--no-color");
    assertEquals(0, diff.code(), diff::toString);
    clean("diff --json", "diff", spec, "--json");
    clean("plan", "plan", spec, "--no-color");
    Path planFile = dir.resolve("saved-plan.json");
    Run saved = clean("plan -out", "plan", spec, "-out", planFile.toString());
    assertEquals(0, saved.code(), saved::toString);
    assertTrue(Files.size(planFile) > 0);
    clean("plan --json", "plan", spec, "--json");

    Run applied = clean("apply of the saved plan", "apply", planFile.toString(), "--auto-approve", "--waits", "simulated", "--no-color");
    assertEquals(0, applied.code(), applied::toString);
    Run again = clean("apply --json", "apply", spec, "--auto-approve", "--waits", "simulated", "--json");
    assertEquals(0, again.code(), again::toString);
    assertNoSecretInFiles();
    assertTrue(checked.size() >= 16, () -> "paths checked: " + checked);
  }

  @Test
  void aWrongPasswordNamesTheControllerThatRefusedAndNotThePassword() throws Exception {
    Files.writeString(dir.resolve("wrong-password.txt"), "wrong-Vb77-never-print-me");
    Path spec =
        Files.writeString(
            dir.resolve("wrong.yaml"), CliMesh.yaml(mesh.sim.controllers(), "tls: {insecure: true}", "wrong-password.txt"));
    Run diff = clean("diff with a wrong password", "diff", spec.toString(), "--no-color");
    assertEquals(1, diff.code(), diff::toString);
    String said = diff.out() + diff.err();
    for (var c : mesh.sim.controllers()) {
      assertTrue(said.contains("controller[\"" + c.name() + "\"]: cannot read: GET /config: 401 unauthorized"), diff::toString);
    }
    assertFalse(said.contains("wrong-Vb77-never-print-me"), diff::toString);
    assertFalse(said.contains("the controllers match the spec"), () -> "claims a match it could not read:\n" + diff);
    Run apply = clean("apply with a wrong password", "apply", spec.toString(), "--auto-approve", "--waits", "simulated", "--no-color");
    assertEquals(1, apply.code(), apply::toString);
    assertFalse(apply.err().contains("\tat "), apply::toString);
  }

  /**
   * A secret referenced from a field that is not secret is masked in the saved plan too; such a
   * plan would write the mask to the controller, so apply refuses it before any request.
   */
  @Test
  void aSavedPlanHoldingAMaskedValueIsRefusedBeforeAnyWrite() throws Exception {
    Files.writeString(dir.resolve("rt-pw.txt"), "rt-pw-Ty39-never-print-me");
    String name = mesh.sim.controllers().get(1).name();
    Path spec =
        Files.writeString(
            dir.resolve("masked.yaml"),
            Files.readString(mesh.spec)
                .replace("  - name: " + name + "\n", "  - name: " + name + "\n    controller_name: \"${file:rt-pw.txt}\"\n"));
    Path planFile = dir.resolve("masked-plan.json");
    Run plan = CliMesh.run("plan", spec.toString(), "--no-color", "-out", planFile.toString());
    assertEquals(0, plan.code(), plan::toString);
    assertTrue(plan.out().contains("(sensitive)"), plan::toString);
    assertFalse((plan.out() + plan.err()).contains("rt-pw-Ty39-never-print-me"), plan::toString);
    String saved = Files.readString(planFile);
    assertTrue(saved.contains("(sensitive)") && !saved.contains("rt-pw-Ty39-never-print-me"), saved);

    long before = mesh.sim.controllers().stream().mapToLong(c -> c.requestCounts().writes()).sum();
    Run apply = CliMesh.run("apply", planFile.toString(), "--auto-approve", "--waits", "simulated", "--no-color");
    assertEquals(1, apply.code(), apply::toString);
    assertTrue(apply.err().contains("holds values masked as secrets ((sensitive)), so it cannot be run as saved"), apply::toString);
    assertEquals(before, mesh.sim.controllers().stream().mapToLong(c -> c.requestCounts().writes()).sum(), "no write");
  }

  @Test
  void anUnreachableControllerIsNamedWithoutASecret() throws Exception {
    String text = Files.readString(mesh.spec);
    int port = mesh.sim.controllers().get(2).port();
    Path spec = Files.writeString(dir.resolve("unreachable.yaml"), text.replace("127.0.0.1:" + port, "127.0.0.1:1"));
    Run diff = clean("diff with a controller down", "diff", spec.toString(), "--no-color");
    assertEquals(1, diff.code(), diff::toString);
    assertTrue((diff.out() + diff.err()).contains(mesh.sim.controllers().get(2).name()), diff::toString);
  }
}
