package dev.meshctl.cli.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.cli.Main;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Controllers whose headers are huge or never finish, seen through the real {@code meshctl diff}
 * in its own process: the failure is one meshctl error naming the controller and the call, with
 * no Vert.x or Netty log line (it used to print 25 SEVERE lines with stack traces) and no secret.
 */
class HostileHeadersProcessIT {
  @TempDir Path dir;

  @Test
  void hugeHeadersAreOneErrorAndNoLogLines() throws Exception {
    String printed =
        diff(
            out -> {
              out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Junk: " + "a".repeat(1 << 20) + "\r\n\r\n{}")
                  .getBytes(StandardCharsets.ISO_8859_1));
            },
            60);
    assertTrue(printed.contains("controller[\"ctl1\"]: cannot read: GET /config: answer headers longer than 8 KiB"), printed);
  }

  @Test
  void headersThatNeverFinishEndAtTheDeadlineWithNoLogLines() throws Exception {
    String printed =
        diff(
            out -> {
              byte[] head = ("HTTP/1.1 200 OK\r\nX-Slow: " + "a".repeat(10_000)).getBytes(StandardCharsets.ISO_8859_1);
              for (byte b : head) {
                out.write(b);
                out.flush();
                Thread.sleep(100);
              }
            },
            // Five attempts of a 1 s deadline with the retry delays between them, and JVM start.
            60);
    // All of a controller's reads share its deadline: the calls left unanswered are named together.
    assertTrue(printed.contains("controller[\"ctl1\"]: cannot read: GET /config, "), printed);
    assertTrue(printed.contains(": no answer within 1 s"), printed);
  }

  interface Answer {
    void write(OutputStream out) throws Exception;
  }

  /** Runs {@code meshctl diff} against a controller answering every request with {@code answer}; all it printed. */
  private String diff(Answer answer, int boundSeconds) throws Exception {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> serve(server, answer), "hostile-acceptor");
      acceptor.setDaemon(true);
      acceptor.start();
      Files.writeString(dir.resolve("password.txt"), CliMesh.PASSWORD + "\n");
      Files.writeString(dir.resolve("token.txt"), CliMesh.TOKEN + "\n");
      Files.writeString(dir.resolve("license.txt"), "LICENSE\n");
      Path spec =
          Files.writeString(
              dir.resolve("mesh.yaml"),
              "apiVersion: meshctl/v1\nkind: Mesh\nmetadata: {name: hostile}\n"
                  + "defaults:\n  api: {password: '${file:password.txt}', request_timeout: 1s, tls: {allow_plain_http: true}}\n"
                  + "license: {file: ./license.txt, parameters: {default: true}}\n"
                  + "keyset: {token: '${file:token.txt}'}\nroot: ctl1\ncontrollers:\n"
                  + "  - {name: ctl1, endpoint: 'http://127.0.0.1:" + server.getLocalPort() + "', private_ip: 10.0.1.10, subnet: 10.0.1.0/25}\n"
                  + "  - {name: ctl2, endpoint: '127.0.0.1:1', private_ip: 10.0.1.140, subnet: 10.0.1.128/25}\n");
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.add("-XX:TieredStopAtLevel=1");
      cmd.add("-cp");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add(Main.class.getName());
      cmd.addAll(List.of("diff", spec.toString(), "--no-color"));
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
      pb.environment().putAll(Map.of("NO_COLOR", "1"));
      pb.redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
      Process p = pb.start();
      try {
        assertTrue(p.waitFor(boundSeconds, TimeUnit.SECONDS), "meshctl diff did not end within " + boundSeconds + " s");
      } finally {
        p.destroyForcibly();
      }
      String all =
          Files.readString(dir.resolve("out"), StandardCharsets.UTF_8)
              + Files.readString(dir.resolve("err"), StandardCharsets.UTF_8);
      System.out.println("meshctl diff against a hostile controller:\n" + all);
      assertEquals(1, Math.min(1, p.exitValue()), all);
      for (String leak : List.of("SEVERE", "WARNING:", "io.vertx", "io.netty", "Exception", "\tat ")) {
        assertFalse(all.contains(leak), "printed " + leak + ":\n" + all);
      }
      assertFalse(all.contains(CliMesh.PASSWORD), all);
      return all;
    }
  }

  private static void serve(ServerSocket server, Answer answer) {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        Thread t =
            new Thread(
                () -> {
                  try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                    readHead(in);
                    answer.write(out);
                  } catch (Exception e) {
                    // The client hung up: what a deadline or a cap is for.
                  }
                },
                "hostile-connection");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private static void readHead(InputStream in) throws IOException {
    int state = 0;
    for (int b; (b = in.read()) >= 0; ) {
      state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
      if (state == 4) {
        return;
      }
    }
  }
}
