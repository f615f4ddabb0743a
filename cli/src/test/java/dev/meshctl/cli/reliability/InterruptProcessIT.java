package dev.meshctl.cli.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.cli.Main;
import dev.meshctl.cli.reliability.CliMesh.Run;
import dev.meshctl.simulator.SimTimings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * meshctl apply as its own process, stopped mid-apply by SIGINT (Ctrl-C) and by SIGKILL, against
 * simulated controllers in this JVM that reboot and make keysets slowly enough to be caught
 * mid-way. After either, a re-run converges; the debug-mode output of the process carries no
 * secret.
 */
class InterruptProcessIT {
  @TempDir Path dir;
  private CliMesh mesh;
  private Process process;

  @BeforeEach
  void start() throws Exception {
    SimTimings slow =
        SimTimings.FAST.withReboot(Duration.ofMillis(300), Duration.ofMillis(1500)).withKeyset(Duration.ofMillis(800), Duration.ofMillis(800));
    mesh = CliMesh.start(dir, slow);
  }

  @AfterEach
  void stop() throws Exception {
    if (process != null) {
      process.destroyForcibly();
    }
    mesh.close();
  }

  private Process applyProcess() throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of("apply", mesh.spec.toString(), "--auto-approve", "--waits", "simulated", "--no-color"));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().putAll(Map.of("MESHCTL_DEBUG", "1", "NO_COLOR", "1"));
    pb.redirectOutput(dir.resolve("apply.out").toFile()).redirectError(dir.resolve("apply.err").toFile());
    process = pb.start();
    return process;
  }

  /**
   * Waits until the root controller holds the apply's lock: the apply is under way, past the
   * root's license (an unlicensed root keeps no lock).
   */
  private void awaitMidApply() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      io.vertx.core.json.JsonObject state =
          mesh.sim.controllers().get(0).state().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      if (state.getJsonObject("variables", new io.vertx.core.json.JsonObject()).fieldNames().stream()
          .anyMatch(n -> n.startsWith("meshctl_lock"))) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the apply never started writing");
  }

  private String output() throws IOException {
    return Files.readString(dir.resolve("apply.out"), StandardCharsets.UTF_8)
        + Files.readString(dir.resolve("apply.err"), StandardCharsets.UTF_8);
  }

  @Test
  void sigintStopsGracefullyReleasesTheLockAndARerunConverges() throws Exception {
    Process p = applyProcess();
    awaitMidApply();
    new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "meshctl stopped after SIGINT");
    String printed = output();
    assertEquals(130, p.exitValue(), printed);
    assertTrue(printed.contains("Apply interrupted."), printed);
    assertFalse(printed.contains(CliMesh.PASSWORD) || printed.contains(CliMesh.TOKEN), printed);
    // Without --break-lock: a lock left behind would refuse this run.
    Run rerun = CliMesh.run("apply", mesh.spec.toString(), "--auto-approve", "--waits", "simulated", "--no-color");
    assertEquals(0, rerun.code(), rerun::toString);
    assertEquals(0, CliMesh.run("diff", mesh.spec.toString(), "--detailed-exitcode", "--no-color").code());
  }

  @Test
  void sigkillLeavesALockThatIsBrokenExplicitlyAndTheRerunConverges() throws Exception {
    Process p = applyProcess();
    awaitMidApply();
    p.destroyForcibly();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    Run refused = CliMesh.run("apply", mesh.spec.toString(), "--auto-approve", "--waits", "simulated", "--no-color");
    assertEquals(1, refused.code(), refused::toString);
    assertTrue(refused.err().contains("--break-lock") || refused.out().contains("--break-lock"), refused::toString);
    Run rerun = CliMesh.run("apply", mesh.spec.toString(), "--auto-approve", "--waits", "simulated", "--no-color", "--break-lock");
    assertEquals(0, rerun.code(), rerun::toString);
    assertEquals(0, CliMesh.run("diff", mesh.spec.toString(), "--detailed-exitcode", "--no-color").code());
  }
}
