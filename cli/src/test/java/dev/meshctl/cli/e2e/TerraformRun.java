package dev.meshctl.cli.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Terraform commands in one working directory, against an AWS endpoint given by variable, with
 * their own CLI configuration, fake credentials and no network besides that endpoint.
 *
 * @param terraform the terraform executable
 * @param workDir the configuration's directory (a copy: init writes into it)
 * @param env what the terraform processes get on top of this process's environment
 * @param vars the {@code -var} arguments of plan, apply and destroy
 * @param logDir where each command's output goes
 */
record TerraformRun(
    Path terraform, Path workDir, Map<String, String> env, List<String> vars, Path logDir) {

  private static final Duration INIT_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration APPLY_TIMEOUT = Duration.ofMinutes(8);

  /**
   * Writes the CLI configuration for {@code mirror} into {@code logDir} and sets up the
   * environment that keeps Terraform and the provider on loopback with fake credentials.
   */
  static TerraformRun against(
      Path terraform, Path workDir, Path mirror, Map<String, String> vars, Path logDir)
      throws IOException {
    Files.createDirectories(logDir);
    Path cliConfig = logDir.resolve("terraform.rc");
    Files.writeString(cliConfig, ProviderMirror.cliConfig(mirror));
    Map<String, String> env = new LinkedHashMap<>();
    env.put("TF_CLI_CONFIG_FILE", cliConfig.toString());
    env.put("TF_IN_AUTOMATION", "1");
    env.put("TF_INPUT", "0");
    // No version check against checkpoint-api.hashicorp.com: this run has no network.
    env.put("CHECKPOINT_DISABLE", "1");
    env.put("TF_PLUGIN_CACHE_DIR", null);
    env.put("TF_DATA_DIR", null);
    env.put("AWS_ACCESS_KEY_ID", "meshctl-e2e");
    env.put("AWS_SECRET_ACCESS_KEY", "meshctl-e2e-not-a-secret");
    env.put("AWS_SESSION_TOKEN", null);
    env.put("AWS_PROFILE", null);
    env.put("AWS_CONFIG_FILE", logDir.resolve("no-aws-config").toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", logDir.resolve("no-aws-credentials").toString());
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    env.put("NO_PROXY", "127.0.0.1,localhost");
    env.put("no_proxy", "127.0.0.1,localhost");
    List<String> varArgs = new ArrayList<>();
    vars.forEach((k, v) -> varArgs.add("-var=" + k + "=" + v));
    return new TerraformRun(terraform, workDir, env, List.copyOf(varArgs), logDir);
  }

  void init() throws IOException, InterruptedException {
    run("init", INIT_TIMEOUT, "init", "-input=false", "-no-color");
  }

  void apply() throws IOException, InterruptedException {
    run("apply", APPLY_TIMEOUT, withVars("apply", "-auto-approve", "-input=false", "-no-color"));
  }

  void destroy() throws IOException, InterruptedException {
    // The state was written by the apply just before: refreshing it first only costs time.
    run("destroy", APPLY_TIMEOUT, withVars("destroy", "-auto-approve", "-input=false", "-refresh=false", "-no-color"));
  }

  /** Writes {@code terraform output -json} to {@code file}. */
  void outputJson(Path file) throws IOException, InterruptedException {
    runTo(file, "output", INIT_TIMEOUT, "output", "-json", "-no-color");
  }

  private String[] withVars(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(vars);
    return all.toArray(String[]::new);
  }

  private void run(String step, Duration timeout, String... args)
      throws IOException, InterruptedException {
    runTo(null, step, timeout, args);
  }

  private void runTo(Path stdout, String step, Duration timeout, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(terraform.toString());
    command.addAll(List.of(args));
    ExternalProcess.runOk(
        "terraform " + step, command, workDir, env, logDir.resolve("terraform-" + step + ".log"),
        stdout,
        timeout);
  }
}
