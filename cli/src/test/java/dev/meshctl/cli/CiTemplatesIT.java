package dev.meshctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * examples/ci/github-actions.yml and gitlab-ci.yml, run as their runners would: each job's shell
 * steps, taken from the YAML, against simulated controllers, with the install step replaced by
 * this build's launcher on PATH. A pull request validates, checks formatting, plans and posts
 * the plan; the merge applies the saved plan; the nightly run exits 0, then 2 once the spec and
 * the controllers disagree. A fork's pull request, with no secrets, still validates.
 */
class CiTemplatesIT {
  static final Path CI = Path.of("..", "examples", "ci").toAbsolutePath().normalize();

  @TempDir Path dir;
  @TempDir Path secrets;

  @Test
  void githubActionsJobs() throws Exception {
    Map<String, Object> workflow = yaml("github-actions.yml");
    String text = Files.readString(CI.resolve("github-actions.yml"));
    assertFalse(text.contains("examples/"), "the template must not need this repository's files");
    assertTrue(text.contains("sha256sum -c"), "the install step verifies the tarball");
    try (LocalMesh mesh = LocalMesh.start(dir)) {
      String license = Files.readString(dir.resolve("license.txt"));
      Files.delete(dir.resolve("license.txt"));
      Map<String, String> env = env();
      env.put("MESH_LICENSE", license.strip());

      CommandRun pr = github(workflow, "pull-request", env);
      assertEquals(0, pr.code(), pr::toString);
      assertTrue(pr.out().contains("meshctl: changes to apply (see plan.md)"), pr::toString);
      String body = Files.readString(dir.resolve("gh-body.md"));
      assertTrue(body.startsWith("### meshctl plan: `mesh.yaml`\n"), body);
      assertTrue(body.contains("| east-1a |"), body);
      assertFalse(body.contains(LocalMesh.PASSWORD) || body.contains(LocalMesh.KEYSET_TOKEN), body);

      CommandRun merge = github(workflow, "apply", env);
      assertEquals(0, merge.code(), merge::toString);

      assertEquals(0, github(workflow, "drift", env).code());
      drift(mesh);
      CommandRun drift = github(workflow, "drift", env);
      assertEquals(2, drift.code(), drift::toString);
      assertTrue(drift.err().contains("meshctl: the controllers drifted from mesh.yaml"), drift::toString);
    }
  }

  @Test
  void githubForkPullRequestValidatesWithoutSecrets() throws Exception {
    LocalMesh.start(dir).close();
    Files.delete(dir.resolve("license.txt"));
    Map<String, String> env = env();
    env.keySet().removeAll(LocalMesh.env().keySet());
    env.put("MESH_LICENSE", "");
    CommandRun pr = github(yaml("github-actions.yml"), "pull-request", env);
    assertEquals(0, pr.code(), pr::toString);
    assertTrue(pr.out().contains("Not read (--no-secrets)"), pr::toString);
    assertTrue(pr.out().contains("plan skipped"), pr::toString);
    assertFalse(Files.exists(dir.resolve("plan.json")));
  }

  @Test
  void gitlabJobs() throws Exception {
    Map<String, Object> pipeline = yaml("gitlab-ci.yml");
    assertFalse(Files.readString(CI.resolve("gitlab-ci.yml")).contains("examples/"));
    try (LocalMesh mesh = LocalMesh.start(dir)) {
      Path licenseFile = Files.move(dir.resolve("license.txt"), secrets.resolve("MESH_LICENSE_FILE"));
      Map<String, String> env = env();
      env.put("MESH_LICENSE_FILE", licenseFile.toString());

      assertEquals(0, gitlab(pipeline, "mesh:check", env).code());
      CommandRun plan = gitlab(pipeline, "mesh:plan", env);
      assertEquals(0, plan.code(), plan::toString);
      String md = Files.readString(dir.resolve("plan.md"));
      assertTrue(md.startsWith("### meshctl plan: `mesh.yaml`\n"), md);

      CommandRun apply = gitlab(pipeline, "mesh:apply", env);
      assertEquals(0, apply.code(), apply::toString);

      assertEquals(0, gitlab(pipeline, "mesh:drift", env).code());
      drift(mesh);
      assertEquals(2, gitlab(pipeline, "mesh:drift", env).code());
    }
  }

  @Test
  void gitlabForkMergeRequestValidatesWithoutSecrets() throws Exception {
    LocalMesh.start(dir).close();
    Files.delete(dir.resolve("license.txt"));
    Map<String, String> env = env();
    env.keySet().removeAll(LocalMesh.env().keySet());
    Map<String, Object> pipeline = yaml("gitlab-ci.yml");
    CommandRun check = gitlab(pipeline, "mesh:check", env);
    assertEquals(0, check.code(), check::toString);
    CommandRun plan = gitlab(pipeline, "mesh:plan", env);
    assertEquals(0, plan.code(), plan::toString);
    assertTrue(plan.out().contains("plan skipped"), plan::toString);
  }

  /** The spec now wants another MTU than the controllers have: that is drift. */
  private static void drift(LocalMesh mesh) throws Exception {
    Files.writeString(mesh.spec(), Files.readString(mesh.spec()).replace("overlay_mtu: 1500", "overlay_mtu: 1400"));
  }

  /** A GitHub job: each {@code run:} step in its own bash, as the runner does; stops at a failure. */
  @SuppressWarnings("unchecked")
  private CommandRun github(Map<String, Object> workflow, String job, Map<String, String> env) throws Exception {
    Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
    List<Map<String, Object>> steps = (List<Map<String, Object>>) ((Map<String, Object>) jobs.get(job)).get("steps");
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    for (Map<String, Object> step : steps) {
      if (!step.containsKey("run") || "install".equals(step.get("id"))) {
        continue;
      }
      Map<String, String> stepEnv = new HashMap<>(env);
      if ("comment".equals(step.get("id"))) {
        if (!Files.exists(dir.resolve("plan.md"))) {
          continue; // its if: hashFiles('plan.md') != ''
        }
        stepEnv.put("PR", "7");
      }
      CommandRun r = new MeshctlProcess(dir, stepEnv).exec(List.of("bash", "-eo", "pipefail", "-c", (String) step.get("run")));
      out.append(r.out());
      err.append(r.err());
      if (r.code() != 0) {
        return new CommandRun(r.code(), out.toString(), err.toString());
      }
    }
    return new CommandRun(0, out.toString(), err.toString());
  }

  /** A GitLab job: its script items as one shell script, as the runner does. */
  @SuppressWarnings("unchecked")
  private CommandRun gitlab(Map<String, Object> pipeline, String job, Map<String, String> env) throws Exception {
    List<String> script = (List<String>) ((Map<String, Object>) pipeline.get(job)).get("script");
    Map<String, String> jobEnv = new HashMap<>(env);
    jobEnv.put("SPEC", (String) ((Map<String, Object>) pipeline.get("variables")).get("SPEC"));
    return new MeshctlProcess(dir, jobEnv).exec(List.of("bash", "-eo", "pipefail", "-c", String.join("\n", script)));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(String name) throws Exception {
    return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(CI.resolve(name)));
  }

  /**
   * The simulated mesh's secrets; this build installed as {@code meshctl} first on PATH (in place
   * of the install step); a {@code gh} that keeps the comment body it is given.
   */
  private Map<String, String> env() throws Exception {
    Path bin = Files.createDirectories(secrets.resolve("bin"));
    StringBuilder sh = new StringBuilder("#!/bin/sh\nexec");
    for (String part : MeshctlProcess.command()) {
      sh.append(" '").append(part.replace("'", "'\\''")).append('\'');
    }
    executable(bin.resolve("meshctl"), sh.append(" \"$@\"\n").toString());
    executable(
        bin.resolve("gh"),
        "#!/bin/sh\n# gh pr comment PR --body-file FILE [--edit-last]\n"
            + "[ \"$1 $2 $3 $4\" = \"pr comment 7 --body-file\" ] || exit 1\ncp \"$5\" gh-body.md\n");
    Map<String, String> env = new HashMap<>(LocalMesh.env());
    env.remove("MESHCTL");
    env.put("PATH", bin + ":" + System.getenv("PATH"));
    env.put("SPEC", "mesh.yaml");
    env.put("APPLY_FLAGS", "--waits simulated");
    return env;
  }

  private static void executable(Path file, String text) throws Exception {
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
  }
}
