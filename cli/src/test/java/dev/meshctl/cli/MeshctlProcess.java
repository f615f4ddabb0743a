package dev.meshctl.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * meshctl as a user runs it: its own JVM on this test's class path, in a working directory, with
 * its secrets in its environment (which an in-process run cannot set).
 */
record MeshctlProcess(Path workDir, Map<String, String> env) {
  private static final long TIMEOUT_SECONDS = 180;

  /** The command that starts meshctl, for scripts that take it in {@code $MESHCTL}. */
  static List<String> command() {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1",
        "-cp",
        System.getProperty("java.class.path"),
        Main.class.getName());
  }

  CommandRun run(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(command());
    cmd.addAll(List.of(args));
    return exec(cmd);
  }

  /** Runs any command in the working directory with the environment, e.g. a shell script. */
  CommandRun exec(List<String> cmd) throws IOException, InterruptedException {
    Path out = Files.createTempFile("meshctl", ".out");
    Path err = Files.createTempFile("meshctl", ".err");
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
      pb.environment().putAll(env);
      pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullFile()));
      Process p = pb.start();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("timed out: " + cmd.subList(Math.min(cmd.size(), command().size()), cmd.size()));
      }
      return new CommandRun(
          p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static java.io.File nullFile() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
