package dev.meshctl.cli.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.cli.reliability.CliMesh.Run;
import dev.meshctl.simulator.SimTimings;
import dev.meshctl.simulator.SimulatedController;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How meshctl trusts the controllers' certificates, seen from the command line. (A CA file is
 * covered by the client's own TLS test: the simulator's certificates name the private IP, not
 * 127.0.0.1, so hostname verification against them cannot pass here.)
 */
class TlsTrustIT {
  @TempDir static Path dir;
  private static CliMesh mesh;

  @BeforeAll
  static void start() throws Exception {
    mesh = CliMesh.start(dir, SimTimings.FAST);
  }

  @AfterAll
  static void stop() throws Exception {
    mesh.close();
  }

  /** A spec whose every controller has its own {@code api.tls}, given per controller. */
  private static Path spec(String name, Function<SimulatedController, String> tls) throws Exception {
    String text = CliMesh.yaml(mesh.sim.controllers(), "", "password.txt");
    for (SimulatedController c : mesh.sim.controllers()) {
      text = text.replace("    subnet: " + c.subnet() + "\n", "    subnet: " + c.subnet() + "\n    api:\n      tls: " + tls.apply(c) + "\n");
    }
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void theRightPinnedFingerprintIsTrustedWithoutWarning() throws Exception {
    Run diff = CliMesh.run("diff", spec("pinned.yaml", c -> "{fingerprint_sha256: \"" + c.certificateSha256() + "\"}").toString(), "--no-color");
    assertEquals(0, diff.code(), diff::toString);
    assertFalse(diff.err().contains("warning"), diff::toString);
  }

  @Test
  void aPinnedFingerprintMismatchIsRefusedNamingTheControllerAndBothFingerprints() throws Exception {
    SimulatedController second = mesh.sim.controllers().get(1);
    String wrong = "AB".repeat(32);
    Path spec =
        spec(
            "mismatch.yaml",
            c -> "{fingerprint_sha256: \"" + (c == second ? wrong : c.certificateSha256()) + "\"}");
    Run diff = CliMesh.run("diff", spec.toString(), "--no-color");
    assertEquals(1, diff.code(), diff::toString);
    String said = diff.out() + diff.err();
    String line = said.lines().filter(l -> l.contains("mismatch")).findFirst().orElseThrow(() -> new AssertionError(diff.toString()));
    assertTrue(line.contains(second.name()), line);
    assertTrue(line.replace(":", "").toUpperCase().contains(wrong), line);
    assertTrue(line.replace(":", "").toUpperCase().contains(second.certificateSha256().replace(":", "").toUpperCase()), line);
    assertFalse(said.contains("\tat "), said);
    Run apply = CliMesh.run("apply", spec.toString(), "--auto-approve", "--waits", "simulated", "--no-color");
    assertEquals(1, apply.code(), apply::toString);
    assertEquals(0, second.requestCounts().writes(), "nothing was written to a controller that failed its pin");
  }

  @Test
  void insecureMustBeAskedForAndWarnsOnceNamingEveryController() throws Exception {
    Run diff = CliMesh.run("diff", mesh.spec.toString(), "--no-color");
    assertEquals(0, diff.code(), diff::toString);
    List<String> warnings = diff.err().lines().filter(l -> l.contains("TLS certificate")).toList();
    assertEquals(1, warnings.size(), diff::toString);
    for (SimulatedController c : mesh.sim.controllers()) {
      assertTrue(warnings.get(0).contains(c.name()), diff::toString);
    }
    assertTrue(
        warnings.get(0).contains("for " + mesh.sim.controllers().size() + " controllers: "),
        diff::toString);
    Run untrusted = CliMesh.run("diff", spec("default-trust.yaml", c -> "{}").toString(), "--no-color");
    assertEquals(1, untrusted.code(), "a self-signed certificate is not trusted by default:\n" + untrusted);
  }

  @Test
  void aControllerThatDiffersFromTheOthersIsTheOnlyOneNamed() throws Exception {
    SimulatedController odd = mesh.sim.controllers().get(2);
    Path spec =
        spec(
            "one-insecure.yaml",
            c -> c == odd ? "{insecure: true}" : "{fingerprint_sha256: \"" + c.certificateSha256() + "\"}");
    Run diff = CliMesh.run("diff", spec.toString(), "--no-color");
    assertEquals(0, diff.code(), diff::toString);
    List<String> warnings = diff.err().lines().filter(l -> l.contains("TLS certificate")).toList();
    assertEquals(1, warnings.size(), diff::toString);
    assertTrue(warnings.get(0).contains("for controller '" + odd.name() + "'"), diff::toString);
  }
}
