package dev.meshctl.engine.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.meshctl.dsl.model.ControllerSpec;
import dev.meshctl.dsl.model.TlsSpec;
import dev.meshctl.simulator.tls.SelfSignedCertificate;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A controller that attacks its client, on loopback over HTTPS with a pinned self-signed
 * certificate: redirects, bodies with no end, drips, huge and compressed answers, headers that
 * are huge or never finish, escapes and echoed credentials in error text. Each case must end
 * within its deadline with the heap bounded far below what was sent, name the controller and the
 * call, and print no secret. The figures are printed; docs/reliability.md quotes them.
 */
class HostileControllerIT {
  /** The deadline of the cases that drip: without it they would run for 20 s and more. */
  private static final Duration SHORT = Duration.ofSeconds(2);
  /** The deadline of the cases the cap must end, long enough that the cap does. */
  private static final Duration LONG = Duration.ofSeconds(30);
  /** Room for scheduling on a busy 2-core machine; a correctness bound, not a benchmark. */
  private static final long MARGIN_MILLIS = 6_000;
  /** Far below every body sent here (64 MiB and more), far above what a capped read needs. */
  private static final long HEAP_BOUND = 64L << 20;
  /**
   * The bound on the whole process's peak resident memory growth per case: the heap bound plus
   * room for the young generation's fresh pages and Netty's direct buffers, and still a fraction
   * of the bodies sent (the endless body used to take RSS from 535 MB to 5.4 GB).
   */
  private static final long RSS_BOUND = 160L << 20;

  private static final long CAP = ClientOptions.DEFAULT_MAX_ANSWER_BYTES;
  private static final String BASIC =
      Base64.getEncoder()
          .encodeToString(("api:" + TestControllers.PASSWORD.reveal()).getBytes(StandardCharsets.UTF_8));

  private static Vertx vertx;
  /** The hostile servers' own Vert.x: another machine, whose loops the client does not share. */
  private static Vertx serverVertx;
  private static SelfSignedCertificate cert;
  private static HostileController hostile;
  /** Where redirects point: neither may ever see a request. */
  private static HostileController otherTls;
  private static HostileController otherPlain;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    serverVertx = Vertx.vertx();
    cert = SelfSignedCertificate.generate("hostile", "127.0.0.1");
    hostile = HostileController.start(serverVertx, cert);
    otherTls = HostileController.start(serverVertx, cert);
    otherPlain = HostileController.start(serverVertx, null);
    otherTls.answering(HostileController.answer("200 OK", "Content-Type: application/json\r\n", "{}"));
    otherPlain.answering(HostileController.answer("200 OK", "Content-Type: application/json\r\n", "{}"));
    // Warm up TLS on both sides, so that no case pays for loading the providers.
    hostile.answering(HostileController.answer("400 Bad Request", "Content-Type: application/json\r\n", "{}"));
    Vns3Client warm = Vns3Clients.create(vertx, spec(LONG), new ClientOptions(RetryPolicy.NONE, TestControllers.FAST_WAIT));
    Await.error(warm.getConfig());
    Await.result(warm.close());
  }

  private static ControllerSpec spec(Duration timeout) {
    return TestControllers.withRequestTimeout(
        TestControllers.controller(
            "hostile", "https", "127.0.0.1", hostile.port(), new TlsSpec(Optional.empty(), Optional.of(cert.sha256Fingerprint()), false)),
        timeout);
  }

  @AfterAll
  static void stop() {
    hostile.close();
    otherTls.close();
    otherPlain.close();
    Await.result(vertx.close());
    Await.result(serverVertx.close());
  }

  // ---- redirects ----------------------------------------------------------------------------

  @Test
  void aRedirectWithinTheSameOriginIsNotFollowed() {
    Outcome o = run("redirect, same origin", HostileController.answer("302 Found", "Location: /api/config2?token=abc\r\n", ""));
    Vns3Error.Redirect r = assertInstanceOf(Vns3Error.Redirect.class, o.error);
    assertEquals("https://127.0.0.1:" + hostile.port() + "/api/config2", r.location());
    assertEquals(1, hostile.requests().size(), "the redirect was followed");
    assertFalse(o.message.contains("abc"), o.message);
  }

  @Test
  void aRedirectToAnotherOriginIsNotFollowed() {
    otherTls.answering(HostileController.answer("200 OK", "Content-Type: application/json\r\n", "{}"));
    String to = "https://127.0.0.1:" + otherTls.port() + "/api/config";
    Outcome o = run("redirect, other origin", HostileController.answer("307 Temporary Redirect", "Location: " + to + "\r\n", ""));
    assertEquals(to, assertInstanceOf(Vns3Error.Redirect.class, o.error).location());
    assertEquals(List.of(), otherTls.requests(), "the credentials went to another origin");
  }

  @Test
  void aRedirectToPlainHttpIsNotFollowedAndItsSecretsAreNotPrinted() {
    otherPlain.answering(HostileController.answer("200 OK", "Content-Type: application/json\r\n", "{}"));
    String to = "http://api:" + TestControllers.PASSWORD.reveal() + "@127.0.0.1:" + otherPlain.port()
        + "/api/config?token=keyset-tok-9#frag";
    Outcome o = run("redirect, downgrade to http", HostileController.answer("301 Moved Permanently", "Location: " + to + "\r\n", ""));
    assertTrue(
        o.message.endsWith("301 redirect to http://127.0.0.1:" + otherPlain.port() + "/api/config refused: a VNS3 API "
            + "does not redirect, and following would resend the credentials"),
        o.message);
    assertFalse(o.message.contains("keyset-tok-9"), o.message);
    assertEquals(List.of(), otherPlain.requests(), "the credentials went over plain HTTP");
  }

  // ---- bodies -------------------------------------------------------------------------------

  @Test
  void anEndlessChunkedBodyIsCutOffAtTheCap() {
    Outcome o = run("endless chunked body", HostileController.chunked("", filler(64 << 10), -1, ""));
    assertEquals("answer larger than 4 MiB; a VNS3 answer is never that large", o.error.detail());
    // What the client let through: the cap, plus what loopback socket buffers held.
    assertTrue(o.serverSent < CAP + (32L << 20), "read on past the cap: " + o.serverSent);
  }

  @Test
  void aHugeValidBodyIsCutOffAtTheCapAndNotCalledInvalidJson() {
    Outcome o =
        run(
            "huge valid JSON body (256 MiB, chunked)",
            HostileController.chunked("{\"response\":{\"topology_name\":\"", filler(64 << 10), 256L << 20, "\"}}"));
    assertEquals("answer larger than 4 MiB; a VNS3 answer is never that large", o.error.detail());
    assertTrue(o.serverSent < 64L << 20, "read on past the cap: " + o.serverSent);
  }

  @Test
  void aDeclaredHugeBodyIsRefusedUnread() {
    Outcome o = run("huge body by Content-Length (50 MiB)", HostileController.declared(filler(64 << 10), 50L << 20));
    assertEquals("answer larger than 4 MiB; a VNS3 answer is never that large", o.error.detail());
  }

  @Test
  void aBodyDrippingAByteAtATimeEndsAtTheDeadline() {
    String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n";
    Outcome o =
        run("body dripping a byte every 50 ms", (h, s) -> {
              h.write(s, head);
              HostileController.drip("{\"response\":{\"x\":\"" + "a".repeat(980) + "\"}}", 50).accept(h, s);
            },
            SHORT);
    assertInstanceOf(Vns3Error.Timeout.class, o.error);
    assertEquals("no answer within 2 s", o.error.detail());
    assertTrue(o.millis >= SHORT.toMillis() - 50, "ended before its deadline: " + o.millis);
  }

  @Test
  void aCompressionBombIsRefusedUnread() throws IOException {
    byte[] bomb = gzipOfZeros(64 << 20);
    Outcome o =
        run("gzip bomb (64 MiB of zeros in " + bomb.length / 1024 + " KiB)", (h, s) -> {
              h.write(s, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
                  + "Content-Length: " + bomb.length + "\r\n\r\n");
              h.write(s, Buffer.buffer(bomb));
            });
    assertEquals("answer compressed (gzip) although meshctl did not ask for compression", o.error.detail());
    assertFalse(hostile.requests().get(0).toLowerCase(Locale.ROOT).contains("accept-encoding"), hostile.requests().get(0));
  }

  // ---- headers ------------------------------------------------------------------------------

  @Test
  void hugeHeadersAreReportedOnce() {
    Outcome o = run("1 MiB header", HostileController.answer("200 OK", "X-Junk: " + "a".repeat(1 << 20) + "\r\n", "{}"));
    assertInstanceOf(Vns3Error.MalformedResponse.class, o.error);
    assertEquals("answer headers longer than 8 KiB", o.error.detail());
  }

  @Test
  void headersThatNeverFinishEndAtTheDeadline() {
    Outcome o =
        run("headers dripping a byte every 50 ms",
            HostileController.drip("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Slow: " + "a".repeat(400), 50),
            SHORT);
    assertEquals("no answer within 2 s", o.error.detail());
  }

  // ---- error text ---------------------------------------------------------------------------

  @Test
  void errorTextLosesItsEscapesItsLengthAndTheEchoedCredentials() {
    String text =
        "\u001b[2J\u001b]0;owned\u0007wrong password " + TestControllers.PASSWORD.reveal()
            + " from Authorization: Basic " + BASIC + " " + "x".repeat(100_000);
    String body = new JsonObject().put("error", new JsonObject().put("message", text)).encode();
    Outcome o = run("escapes, 100 KB and echoed credentials in a 400", HostileController.answer("400 Bad Request", "Content-Type: application/json\r\n", body));
    Vns3Error.BadRequest e = assertInstanceOf(Vns3Error.BadRequest.class, o.error);
    assertTrue(e.vns3Message().startsWith("\\e[2J\\e]0;owned\\u0007wrong password *** from Authorization: Basic *** xxx"), e.vns3Message());
    assertTrue(e.vns3Message().matches("(?s).{300}… \\(99[0-9]{3} more characters cut\\)"), e.vns3Message());
    assertTrue(o.message.length() < 400, o.message);
    assertFalse(o.message.chars().anyMatch(c -> c < 0x20 || c == 0x7f), o.message);
  }

  // ---- one case -----------------------------------------------------------------------------

  private record Outcome(Vns3Error error, String message, long millis, long heapGrowth, long serverSent) {}

  /** Whether resident memory was measured, so that its absence is printed rather than passed over. */
  private static final boolean RSS_MEASURED = ResidentMemory.resetPeak().isPresent();

  /**
   * Runs {@code GET /config} against {@code behaviour} with no retries and checks what every case
   * must hold: ended within the deadline, heap growth bounded, the controller and the call named,
   * no secret printed.
   */
  private static Outcome run(String name, BiConsumer<HostileController, NetSocket> behaviour) {
    return run(name, behaviour, LONG);
  }

  private static Outcome run(String name, BiConsumer<HostileController, NetSocket> behaviour, Duration timeout) {
    hostile.answering(behaviour);
    Vns3Client client =
        Vns3Clients.create(vertx, spec(timeout), new ClientOptions(RetryPolicy.NONE, TestControllers.FAST_WAIT));
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    System.gc();
    long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    java.util.OptionalLong rssBefore = ResidentMemory.resetPeak();
    List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Handler capture =
        new java.util.logging.Handler() {
          @Override
          public void publish(java.util.logging.LogRecord r) {
            String from = r.getLoggerName() == null ? "" : r.getLoggerName();
            if (r.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()
                && (from.startsWith("io.vertx") || from.startsWith("io.netty"))) {
              logged.add(from + ": " + r.getMessage());
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    root.addHandler(capture);
    long start = System.nanoTime();
    Vns3Error error;
    try {
      client.getConfig().toCompletionStage().toCompletableFuture().get(timeout.toMillis() + MARGIN_MILLIS, TimeUnit.MILLISECONDS);
      return fail(name + ": the hostile answer was accepted");
    } catch (TimeoutException e) {
      return fail(name + ": did not end within " + (timeout.toMillis() + MARGIN_MILLIS) + " ms");
    } catch (ExecutionException e) {
      error = assertInstanceOf(Vns3Exception.class, e.getCause()).error();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    } finally {
      Await.result(client.close());
      root.removeHandler(capture);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    // Peak pool usage counts garbage not yet collected too: an upper bound of what the case held.
    long growth = Math.max(0, heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() - before);
    java.util.OptionalLong rssPeak = ResidentMemory.peak();
    long rssGrowth = rssBefore.isPresent() && rssPeak.isPresent() ? Math.max(0, rssPeak.getAsLong() - rssBefore.getAsLong()) : -1;
    String message = error.message();
    System.out.printf(
        Locale.ROOT,
        "hostile controller: %-48s ended in %5d ms (deadline %5d ms), heap growth at most %5.1f MiB, RSS peak growth %s (of %s), server sent %7.1f MiB: %s%n",
        name, millis, timeout.toMillis(), growth / 1048576.0,
        rssGrowth < 0 ? "not measured (no /proc/self)" : String.format(Locale.ROOT, "%5.1f MiB", rssGrowth / 1048576.0),
        rssPeak.isPresent() ? String.format(Locale.ROOT, "%.0f MiB", rssPeak.getAsLong() / 1048576.0) : "?",
        hostile.bytesSent() / 1048576.0,
        message.length() > 160 ? message.substring(0, 160) + "…" : message);
    assertTrue(message.startsWith("controller \"hostile\": GET /config: "), message);
    // The failure is reported once, as above: nothing from Vert.x or Netty reaches the terminal.
    assertEquals(List.of(), logged, name + ": logged by the HTTP stack");
    assertFalse(message.contains(TestControllers.PASSWORD.reveal()), message);
    assertFalse(message.contains(BASIC), message);
    assertTrue(millis < timeout.toMillis() + MARGIN_MILLIS, name + " took " + millis + " ms");
    assertTrue(growth < HEAP_BOUND, name + ": heap grew by " + growth + " bytes");
    if (RSS_MEASURED) {
      assertTrue(rssGrowth >= 0 && rssGrowth < RSS_BOUND, name + ": resident memory grew by " + rssGrowth + " bytes");
    }
    return new Outcome(error, message, millis, growth, hostile.bytesSent());
  }

  private static Buffer filler(int bytes) {
    return Buffer.buffer("a".repeat(bytes));
  }

  private static byte[] gzipOfZeros(int bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      byte[] zeros = new byte[1 << 16];
      for (int i = 0; i < bytes / zeros.length; i++) {
        gz.write(zeros);
      }
    }
    return out.toByteArray();
  }
}
