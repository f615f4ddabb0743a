package dev.meshctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.simulator.license.SimLicense;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class SimCommandTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void licenseCommandIssuesLicensesTheSimulatorAccepts() throws Exception {
    Path file = dir.resolve("license.txt");
    Run r = run("sim", "license", "--controllers", "8", "-o", file.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(8, SimLicense.parse(Files.readString(file)).orElseThrow().controllers());
    assertFalse(r.out().contains("BEGIN"), "the license text is not printed");
    Run again = run("sim", "license", "--controllers", "8", "-o", file.toString());
    assertEquals(1, again.code());
    assertTrue(again.err().contains("--force"), again.err());
    Run bad = run("sim", "license", "--controllers", "0", "-o", dir.resolve("x").toString());
    assertEquals(1, bad.code());
    assertTrue(bad.err().contains("--controllers must be 1..4096"), bad.err());
  }

  @Test
  void simStartsControllersAPlainClientCanDrive(Vertx vertx) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> Main.run(new PrintWriter(out, true), new PrintWriter(err, true),
        "sim", "--controllers", "2", "--base-port", "0", "--api-password", "sandbox", "--run-for", "8s", "--seed", "3"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!out.toString().contains("Ctrl-C") && !code.isDone() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    String printed = out.toString();
    assertTrue(printed.contains("Ctrl-C"), printed + err);
    String row = printed.lines().filter(l -> l.startsWith("ctl1 ")).findFirst().orElseThrow();
    String[] cols = row.split("\\s+");
    assertEquals("10.0.1.10", cols[2]);
    assertEquals("sandbox", cols[4]);
    assertTrue(printed.contains("Certificate fingerprints (SHA-256):"));
    WebClient client = WebClient.create(vertx, new WebClientOptions().setTrustAll(true).setVerifyHost(false));
    HttpResponse<?> config = client.getAbs(cols[1] + "/api/config").basicAuthentication("api", "sandbox").send().await();
    assertEquals(200, config.statusCode());
    assertFalse(new JsonObject(config.bodyAsString()).getJsonObject("response").getBoolean("licensed"));
    assertEquals(0, code.get(60, TimeUnit.SECONDS).intValue(), err.toString());
    assertTrue(out.toString().contains("stopped after"));
  }

  @Test
  void aTakenPortIsAClearErrorNotAStackTrace() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
      Run r = run("sim", "--controllers", "1", "--base-port", Integer.toString(taken.getLocalPort()), "--run-for", "1s");
      assertEquals(1, r.code());
      assertTrue(r.err().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), r.err());
      assertFalse(r.err().contains("\tat "), r.err());
    }
  }

  @Test
  void badFlagsAreOneLineErrors() {
    Run r = run("sim", "--controllers", "0");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("--controllers must be 1..4096"), r.err());
    Run d = run("sim", "--reboot", "soon");
    assertEquals(1, d.code());
    assertTrue(d.err().contains("'soon' is not a duration"), d.err());
    Run f = run("sim", "--fault-502", "2");
    assertEquals(1, f.code());
    assertTrue(f.err().contains("fault fraction"), f.err());
    Run s = run("sim", "--spec", dir.resolve("missing.yaml").toString());
    assertEquals(1, s.code());
  }
}
