package dev.meshctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/ci/pipeline.sh's stages against simulated controllers, as a CI job runs them: a pull
 * request plans (with its markdown summary), the merge applies the saved plan, the nightly run
 * finds no drift, then finds it once the spec and the controllers disagree.
 */
class PipelineScriptIT {
  static final Path SCRIPT = Path.of("..", "examples", "ci", "pipeline.sh").toAbsolutePath().normalize();

  @TempDir Path dir;

  @Test
  void pullRequestMergeAndNightlyStages() throws Exception {
    try (LocalMesh mesh = LocalMesh.start(dir)) {
      MeshctlProcess ci = new MeshctlProcess(dir, env());

      CommandRun pr = stage(ci, "pr");
      assertEquals(0, pr.code(), pr::toString);
      assertTrue(pr.out().contains("meshctl: changes to apply (see ./plan.md)"), pr::toString);
      String md = Files.readString(dir.resolve("plan.md"));
      assertTrue(md.startsWith("### meshctl plan: `mesh.yaml`\n"), md);
      assertTrue(md.contains("| east-1a |"), md);
      assertTrue(!md.contains(LocalMesh.PASSWORD) && !md.contains(LocalMesh.KEYSET_TOKEN), md);
      assertTrue(Files.exists(dir.resolve("plan.json")));

      CommandRun merge = stage(ci, "merge");
      assertEquals(0, merge.code(), merge::toString);

      CommandRun nightly = stage(ci, "nightly");
      assertEquals(0, nightly.code(), nightly::toString);

      // The spec now wants another MTU than the controllers have: that is drift.
      Files.writeString(mesh.spec(), Files.readString(mesh.spec()).replace("overlay_mtu: 1500", "overlay_mtu: 1400"));
      CommandRun drift = stage(ci, "nightly");
      assertEquals(2, drift.code(), drift::toString);
      assertTrue(drift.err().contains("meshctl: the controllers drifted from mesh.yaml"), drift::toString);
    }
  }

  @Test
  void anUnknownStageIsAUsageError() throws Exception {
    CommandRun r = stage(new MeshctlProcess(dir, env()), "deploy");
    assertEquals(1, r.code());
    assertEquals("usage: pipeline.sh pr|merge|nightly\n", r.err());
  }

  private CommandRun stage(MeshctlProcess ci, String stage) throws Exception {
    return ci.exec(List.of("bash", SCRIPT.toString(), stage));
  }

  /**
   * The spec's secrets, and a launcher for this build installed as {@code meshctl} first on PATH,
   * with MESHCTL unset: the script's defaults, as a runner with meshctl installed has them.
   */
  private Map<String, String> env() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path launcher = bin.resolve("meshctl");
    StringBuilder sh = new StringBuilder("#!/bin/sh\nexec");
    for (String part : MeshctlProcess.command()) {
      sh.append(" '").append(part.replace("'", "'\\''")).append('\'');
    }
    Files.writeString(launcher, sh.append(" \"$@\"\n").toString());
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
    Map<String, String> env = new HashMap<>(LocalMesh.env());
    env.remove("MESHCTL");
    env.put("PATH", bin + ":" + System.getenv("PATH"));
    env.put("APPLY_FLAGS", "--waits simulated");
    return env;
  }
}
