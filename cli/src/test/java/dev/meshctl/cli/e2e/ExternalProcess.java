package dev.meshctl.cli.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A program the end-to-end test runs (moto_server, terraform, meshctl), with its output sent to a
 * log file so a failure can quote the tail and the whole run stays on disk for debugging.
 */
final class ExternalProcess implements AutoCloseable {
  private static final int TAIL_LINES = 40;

  private final String label;
  private final Process process;
  private final Path log;

  private ExternalProcess(String label, Process process, Path log) {
    this.label = label;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code command} in {@code dir}; {@code env} is added to this process's environment
   * (a {@code null} value removes the variable). Standard output and error both go to {@code log}.
   */
  static ExternalProcess start(
      String label, List<String> command, Path dir, Map<String, String> env, Path log)
      throws IOException {
    return start(label, command, dir, env, log, null);
  }

  /** Like {@link #start(String, List, Path, Map, Path)}, with standard output to {@code stdout}. */
  static ExternalProcess start(
      String label, List<String> command, Path dir, Map<String, String> env, Path log, Path stdout)
      throws IOException {
    Files.createDirectories(log.getParent());
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    env.forEach(
        (k, v) -> {
          if (v == null) {
            pb.environment().remove(k);
          } else {
            pb.environment().put(k, v);
          }
        });
    if (stdout == null) {
      pb.redirectErrorStream(true);
      pb.redirectOutput(log.toFile());
    } else {
      pb.redirectError(log.toFile());
      pb.redirectOutput(stdout.toFile());
    }
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process process = pb.start();
    // A test JVM killed mid-run (timeout, Ctrl-C) must not leave moto or terraform behind.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }));
    return new ExternalProcess(label, process, log);
  }

  /**
   * Runs {@code command} to completion and answers its exit code; a process still running after
   * {@code timeout} is killed and reported with the tail of its log.
   */
  static int run(
      String label,
      List<String> command,
      Path dir,
      Map<String, String> env,
      Path log,
      Path stdout,
      Duration timeout)
      throws IOException, InterruptedException {
    try (ExternalProcess p = start(label, command, dir, env, log, stdout)) {
      return p.awaitExit(timeout);
    }
  }

  /**
   * Like {@link #run} but a non-zero exit fails the test with the tail of the log; {@code stdout}
   * may be {@code null} to keep standard output in the log.
   */
  static void runOk(
      String label,
      List<String> command,
      Path dir,
      Map<String, String> env,
      Path log,
      Path stdout,
      Duration timeout)
      throws IOException, InterruptedException {
    int code = run(label, command, dir, env, log, stdout, timeout);
    if (code != 0) {
      throw new AssertionError(label + " exited with " + code + "\n" + tailOf(log));
    }
  }

  /** Waits for the exit code; past {@code timeout} the process is killed and the test fails. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      close();
      throw new AssertionError(label + " did not finish within " + timeout + "\n" + tail());
    }
    return process.exitValue();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  Path log() {
    return log;
  }

  /** The last lines of the log, headed by its path. */
  String tail() {
    return tailOf(log);
  }

  static String tailOf(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      List<String> tail = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
      return "--- last " + tail.size() + " lines of " + log + " ---\n"
          + String.join("\n", tail).replaceAll("\u001B\\[[0-9;]*m", "");
    } catch (IOException e) {
      return "(no log at " + log + ": " + e.getMessage() + ")";
    }
  }

  /** Asks the process (and its children) to stop, then kills what is left. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
