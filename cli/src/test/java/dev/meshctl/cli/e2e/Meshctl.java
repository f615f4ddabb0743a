package dev.meshctl.cli.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * meshctl as a user runs it: a separate JVM on this test's class path, its secrets in its
 * environment, its output in a log file per step.
 *
 * @param workDir where it runs (mesh.yaml's folder)
 * @param env what it gets on top of this process's environment
 * @param logDir where each step's output goes
 */
record Meshctl(Path workDir, Map<String, String> env, Path logDir) {
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  /** Runs {@code meshctl args...} and answers its exit code; {@code step} names its log file. */
  int run(String step, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.meshctl.cli.Main");
    command.addAll(List.of(args));
    return ExternalProcess.run(
        "meshctl " + step, command, workDir, env, logDir.resolve("meshctl-" + step + ".log"), null, TIMEOUT);
  }

  /** The tail of a step's log, for a failure message. */
  String tail(String step) {
    return ExternalProcess.tailOf(logDir.resolve("meshctl-" + step + ".log"));
  }
}
