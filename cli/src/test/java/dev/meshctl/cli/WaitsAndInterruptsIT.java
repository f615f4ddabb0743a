package dev.meshctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.simulator.SimTimings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Long waits and interrupts as a user meets them: meshctl in its own process against simulated
 * controllers, a reboot that lasts a minute, a controller that never answers, and SIGINT sent as
 * Ctrl-C sends it.
 */
class WaitsAndInterruptsIT {
  /** A reboot far longer than any assertion here waits: only an abandoned wait ends in time. */
  private static final SimTimings LONG_REBOOT =
      new SimTimings(
          Duration.ZERO,
          Duration.ofMillis(1),
          Duration.ofMillis(30),
          Duration.ofSeconds(90),
          Duration.ofMillis(40),
          Duration.ofMillis(40),
          Duration.ofMillis(40),
          Duration.ofMillis(60));

  @TempDir Path dir;

  @Test
  void ctrlCDuringALongRebootIsAcknowledgedAtOnceAndTheWaitIsLeft() throws Exception {
    try (LocalMesh mesh = LocalMesh.start(dir, LONG_REBOOT, text -> text)) {
      Running apply = Running.start(dir, Map.of(WaitNotices.INTERVAL_VARIABLE, "300ms"),
          "apply", "--auto-approve", "--waits", "simulated", mesh.spec().toString());
      // Outside a terminal, the wait is told about every interval.
      apply.awaitOut(o -> o.contains("still waiting for east-1a to reboot ("), Duration.ofSeconds(60));
      long interrupted = System.nanoTime();
      apply.signal("INT");
      apply.awaitErr(e -> e.contains("Interrupted: no new action starts; waiting for 1 running action"), Duration.ofSeconds(5));
      int code = apply.waitFor(Duration.ofSeconds(30));
      Duration took = Duration.ofNanos(System.nanoTime() - interrupted);
      assertEquals(ExitCodes.INTERRUPTED, code, apply::toString);
      assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "the 90 s reboot wait was left at once, took " + took);
      assertTrue(apply.out().contains("stopped waiting for the reboot"), apply::toString);
      assertTrue(apply.out().contains("Apply interrupted."), apply::toString);
      assertFalse(apply.err().contains("Interrupted again"), apply::toString);
    }
  }

  @Test
  void onATerminalTheCtrlCMessageIsShownAboveTheLiveView() throws Exception {
    try (LocalMesh mesh = LocalMesh.start(dir, LONG_REBOOT, text -> text)) {
      String command = String.join(" ", MeshctlProcess.command().stream().map(WaitsAndInterruptsIT::quoted).toList())
          + " apply --auto-approve --waits simulated " + quoted(mesh.spec().toString());
      Running apply = Running.start(dir, LocalMesh.env(), List.of("script", "-qefc", command, "/dev/null"));
      apply.awaitOut(o -> o.contains("(accept_license_parameters) ("), Duration.ofSeconds(60));
      Thread.sleep(500);
      // Ctrl-C on a terminal signals the whole foreground group; meshctl is the one that counts.
      ProcessHandle meshctl =
          apply.process().toHandle().descendants()
              .filter(p -> p.info().command().orElse("").endsWith("/java"))
              .findFirst()
              .orElseThrow();
      Process kill = new ProcessBuilder("kill", "-INT", Long.toString(meshctl.pid())).inheritIO().start();
      assertEquals(0, kill.waitFor());
      assertEquals(ExitCodes.INTERRUPTED, apply.waitFor(Duration.ofSeconds(30)), apply::toString);
      String screen = apply.out();
      // Drawn by the live view as a line of its own, never cleared by the next redraw.
      // At the start of a line: after a line end, or where the live view erased its block to redraw.
      assertTrue(
          screen.contains("\nInterrupted: no new action starts; waiting for 1 running action")
              || screen.contains("\033[JInterrupted: no new action starts; waiting for 1 running action"),
          apply::toString);
      assertTrue(screen.contains("Apply interrupted."), apply::toString);
    }
  }

  @Test
  void aSecondCtrlCExitsAtOnceSayingHowTheLockLapsesAndThatARerunContinues() throws Exception {
    try (HangingServer hanging = new HangingServer();
        LocalMesh mesh = LocalMesh.start(dir, SimTimings.FAST, text -> hangingWest2b(text, hanging, "60s"))) {
      Running apply = Running.start(dir, Map.of(),
          "apply", "--auto-approve", "--waits", "simulated", mesh.spec().toString());
      // The reads wait for west-2b, which never answers: the first Ctrl-C cannot end them.
      hanging.awaitConnection(Duration.ofSeconds(30));
      apply.signal("INT");
      apply.awaitErr(e -> e.contains("Interrupted: no new action starts; no action is running"), Duration.ofSeconds(5));
      long second = System.nanoTime();
      apply.signal("INT");
      int code = apply.waitFor(Duration.ofSeconds(10));
      Duration took = Duration.ofNanos(System.nanoTime() - second);
      assertEquals(ExitCodes.INTERRUPTED, code, apply::toString);
      assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "the second Ctrl-C exits at once, took " + took);
      assertTrue(apply.err().contains("Interrupted again: exiting now"), apply::toString);
      assertTrue(apply.err().contains("it lapses by itself 1 min after its last renewal (its lease)"), apply::toString);
      assertTrue(apply.err().contains("it reads the controllers and continues where this run stopped"), apply::toString);
    }
  }

  @Test
  void diffWithAHangingControllerEndsWithinOneTimeoutAndNamesIt() throws Exception {
    try (HangingServer hanging = new HangingServer();
        LocalMesh mesh = LocalMesh.start(dir, SimTimings.FAST, text -> hangingWest2b(text, hanging, "10s"))) {
      long start = System.nanoTime();
      CommandRun diff = new MeshctlProcess(dir, LocalMesh.env()).run("diff", mesh.spec().toString());
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertEquals(1, diff.code(), diff::toString);
      // One 10 s timeout and a JVM's start on a busy machine, not five timeouts and their
      // retries one after another (over 50 s).
      assertTrue(took.compareTo(Duration.ofSeconds(10 + 15)) < 0, "diff took " + took);
      assertTrue(
          diff.err().contains("meshctl: warning: controller \"west-2b\" did not answer GET /config, GET /license,"
              + " GET /keyset, GET /peering, GET /routes within 10 s (its request timeout)"),
          diff::toString);
      assertTrue(diff.out().contains("controller[\"west-2b\"]: cannot read: GET /config"), diff::toString);

      // On a terminal, a status line names the controller still being read while it is waited for.
      String command = String.join(" ", MeshctlProcess.command().stream().map(WaitsAndInterruptsIT::quoted).toList())
          + " diff " + quoted(mesh.spec().toString());
      Running onTerminal = Running.start(dir, LocalMesh.env(), List.of("script", "-qefc", command, "/dev/null"));
      onTerminal.waitFor(Duration.ofSeconds(60));
      assertTrue(onTerminal.out().contains("reading the controllers: waiting for west-2b ("), onTerminal::toString);
    }
  }

  @Test
  void theApplyTimeLeavesOutTheConfirmationPrompt() throws Exception {
    try (LocalMesh mesh = LocalMesh.start(dir)) {
      // script(1) gives meshctl a terminal, so it asks; "yes" comes 3 s after the question.
      String command = String.join(" ", MeshctlProcess.command().stream().map(WaitsAndInterruptsIT::quoted).toList())
          + " apply --waits simulated " + quoted(mesh.spec().toString());
      Map<String, String> env = new HashMap<>(LocalMesh.env());
      long started = System.nanoTime();
      Running apply = Running.start(dir, env, List.of("script", "-qefc", command, "/dev/null"));
      apply.awaitOut(o -> o.contains("Only 'yes' will be accepted"), Duration.ofSeconds(60));
      Duration beforePrompt = Duration.ofNanos(System.nanoTime() - started);
      Thread.sleep(8000);
      long answered = System.nanoTime();
      apply.type("yes\n");
      assertEquals(0, apply.waitFor(Duration.ofSeconds(120)), apply::toString);
      Duration afterAnswer = Duration.ofNanos(System.nanoTime() - answered);
      Matcher m = Pattern.compile("applied, 0 failed, 0 skipped, 0 not started in (\\d+m)?([0-9.]+)(ms|s) ").matcher(apply.out());
      assertTrue(m.find(), apply::toString);
      double seconds =
          (m.group(1) == null ? 0 : 60 * Integer.parseInt(m.group(1).replace("m", "")))
              + Double.parseDouble(m.group(2)) / (m.group(3).equals("ms") ? 1000 : 1);
      // Everything but the 8 s at the prompt: at most the time until the question (JVM start
      // included) and the time after the answer.
      double bound = (beforePrompt.toMillis() + afterAnswer.toMillis()) / 1000.0;
      assertTrue(seconds < bound, "the 8 s at the prompt are not counted: " + m.group() + " (bound " + bound + " s)");
    }
  }

  /** The spec with west-2b at a server that accepts connections and never answers. */
  private static String hangingWest2b(String text, HangingServer hanging, String requestTimeout) {
    String[] parts = text.split("  - name: west-2b\n", 2);
    String west2b = parts[1].replaceFirst("endpoint: [^\n]+", "endpoint: 127.0.0.1:" + hanging.port());
    return (parts[0] + "  - name: west-2b\n" + west2b).replace("request_timeout: 30s", "request_timeout: " + requestTimeout);
  }

  private static String quoted(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /** Accepts connections on loopback and never sends a byte. */
  static final class HangingServer implements AutoCloseable {
    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final List<Socket> held = new ArrayList<>();
    private final Thread acceptor;

    HangingServer() throws IOException {
      acceptor =
          new Thread(
              () -> {
                while (!server.isClosed()) {
                  try {
                    Socket s = server.accept();
                    synchronized (held) {
                      held.add(s);
                      held.notifyAll();
                    }
                  } catch (IOException closed) {
                    return;
                  }
                }
              },
              "hanging-server");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return server.getLocalPort();
    }

    void awaitConnection(Duration within) throws InterruptedException {
      long end = System.nanoTime() + within.toNanos();
      synchronized (held) {
        while (held.isEmpty() && System.nanoTime() < end) {
          held.wait(100);
        }
        assertFalse(held.isEmpty(), "no connection to the hanging server");
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
      synchronized (held) {
        for (Socket s : held) {
          s.close();
        }
      }
    }
  }

  /** A meshctl process still running, its output collected in files. */
  private record Running(Process process, Path outFile, Path errFile) {
    static Running start(Path dir, Map<String, String> env, String... args) throws IOException {
      List<String> cmd = new ArrayList<>(MeshctlProcess.command());
      cmd.addAll(List.of(args));
      Map<String, String> all = new HashMap<>(LocalMesh.env());
      all.putAll(env);
      return start(dir, all, cmd);
    }

    static Running start(Path dir, Map<String, String> env, List<String> cmd) throws IOException {
      Path out = Files.createTempFile(dir, "meshctl", ".out");
      Path err = Files.createTempFile(dir, "meshctl", ".err");
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
      pb.environment().putAll(env);
      pb.redirectOutput(out.toFile()).redirectError(err.toFile());
      return new Running(pb.start(), out, err);
    }

    void signal(String name) throws Exception {
      Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
      assertEquals(0, kill.waitFor(), "kill -" + name);
    }

    void type(String text) throws IOException {
      process.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().flush();
    }

    void awaitOut(Predicate<String> seen, Duration within) throws Exception {
      await(this::out, seen, within, "stdout");
    }

    void awaitErr(Predicate<String> seen, Duration within) throws Exception {
      await(this::err, seen, within, "stderr");
    }

    private void await(IoSupplier text, Predicate<String> seen, Duration within, String what) throws Exception {
      long end = System.nanoTime() + within.toNanos();
      while (!seen.test(text.get())) {
        if (System.nanoTime() > end || !process.isAlive() && !seen.test(text.get())) {
          process.destroyForcibly();
          throw new AssertionError("not seen on " + what + " within " + within + ":\n" + this);
        }
        Thread.sleep(50);
      }
    }

    int waitFor(Duration within) throws Exception {
      if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("still running after " + within + ":\n" + this);
      }
      return process.exitValue();
    }

    String out() throws IOException {
      return Files.readString(outFile, StandardCharsets.UTF_8);
    }

    String err() throws IOException {
      return Files.readString(errFile, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      try {
        return "--- out\n" + out() + "--- err\n" + err();
      } catch (IOException e) {
        return e.toString();
      }
    }

    private interface IoSupplier {
      String get() throws IOException;
    }
  }
}
