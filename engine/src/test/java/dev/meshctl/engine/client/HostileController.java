package dev.meshctl.engine.client;

import dev.meshctl.simulator.tls.SelfSignedCertificate;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.PemKeyCertOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * A controller that answers with raw bytes on loopback, HTTPS with a self-signed certificate or
 * plain HTTP, so a test can send what no well-behaved HTTP server would: bodies with no end,
 * bodies that drip, headers that never finish. It records every request head it was sent and
 * counts the bytes it managed to write.
 */
final class HostileController implements AutoCloseable {
  private final Vertx vertx;
  private final NetServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final AtomicLong sent = new AtomicLong();
  private volatile BiConsumer<HostileController, NetSocket> behaviour = (h, s) -> s.close();

  private HostileController(Vertx vertx, NetServer server) {
    this.vertx = vertx;
    this.server = server;
  }

  static HostileController start(Vertx vertx, SelfSignedCertificate certificate) {
    NetServerOptions options = new NetServerOptions().setHost("127.0.0.1").setPort(0);
    if (certificate != null) {
      options
          .setSsl(true)
          .setKeyCertOptions(
              new PemKeyCertOptions()
                  .setCertValue(Buffer.buffer(certificate.certificatePem()))
                  .setKeyValue(Buffer.buffer(certificate.privateKeyPem())));
    }
    NetServer server = vertx.createNetServer(options);
    HostileController h = new HostileController(vertx, server);
    server.connectHandler(h::accept);
    Await.result(server.listen());
    return h;
  }

  int port() {
    return server.actualPort();
  }

  /** What to do once a request head has arrived. */
  HostileController answering(BiConsumer<HostileController, NetSocket> b) {
    requests.clear();
    sent.set(0);
    behaviour = b;
    return this;
  }

  /** The request heads received (request line and headers), in order. */
  List<String> requests() {
    return List.copyOf(requests);
  }

  /** Bytes written to clients since the last {@link #answering}. */
  long bytesSent() {
    return sent.get();
  }

  private void accept(NetSocket socket) {
    StringBuilder head = new StringBuilder();
    boolean[] answered = {false};
    socket.handler(
        b -> {
          if (answered[0]) {
            return;
          }
          head.append(b.toString(StandardCharsets.ISO_8859_1));
          int end = head.indexOf("\r\n\r\n");
          if (end >= 0) {
            answered[0] = true;
            requests.add(head.substring(0, end));
            behaviour.accept(this, socket);
          }
        });
    socket.exceptionHandler(e -> socket.close());
  }

  // ---- behaviours ---------------------------------------------------------------------------

  /** Writes {@code text} and counts it. */
  Future<Void> write(NetSocket s, String text) {
    return write(s, Buffer.buffer(text.getBytes(StandardCharsets.ISO_8859_1)));
  }

  Future<Void> write(NetSocket s, Buffer b) {
    sent.addAndGet(b.length());
    return s.write(b);
  }

  /** A whole answer with a Content-Length. */
  static BiConsumer<HostileController, NetSocket> answer(String statusLine, String headers, String body) {
    return (h, s) ->
        h.write(
            s,
            "HTTP/1.1 " + statusLine + "\r\n" + headers + "Content-Length: "
                + body.getBytes(StandardCharsets.ISO_8859_1).length + "\r\n\r\n" + body);
  }

  /**
   * A 200 with chunked transfer encoding whose chunks are {@code chunk} after {@code prefix},
   * {@code total} bytes in all or without end when negative; written as fast as the client reads.
   */
  static BiConsumer<HostileController, NetSocket> chunked(
      String prefix, Buffer chunk, long total, String suffix) {
    return (h, s) -> {
      h.write(s, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
      if (!prefix.isEmpty()) {
        h.write(s, Integer.toHexString(prefix.length()) + "\r\n" + prefix + "\r\n");
      }
      Buffer framed =
          Buffer.buffer(Integer.toHexString(chunk.length()) + "\r\n").appendBuffer(chunk).appendString("\r\n");
      String end = (suffix.isEmpty() ? "" : Integer.toHexString(suffix.length()) + "\r\n" + suffix + "\r\n") + "0\r\n\r\n";
      h.pump(s, framed, total < 0 ? Long.MAX_VALUE : total / chunk.length(), end);
    };
  }

  /** A 200 that declares {@code length} bytes in Content-Length and sends them, {@code chunk} at a time. */
  static BiConsumer<HostileController, NetSocket> declared(Buffer chunk, long length) {
    return (h, s) -> {
      h.write(s, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n");
      h.pump(s, chunk, length / chunk.length(), "");
    };
  }

  /**
   * Writes {@code framed} {@code chunks} times, the next only once the last has gone out, each
   * from its own event-loop task so the server never holds its loop.
   */
  private void pump(NetSocket s, Buffer framed, long chunks, String end) {
    long[] left = {chunks};
    boolean[] closed = {false};
    s.closeHandler(v -> closed[0] = true);
    io.vertx.core.Context context = vertx.getOrCreateContext();
    Runnable[] more = new Runnable[1];
    more[0] =
        () -> {
          if (closed[0]) {
            return;
          }
          if (left[0] > 0) {
            Future<Void> last = null;
            for (int i = 0; i < 16 && left[0] > 0; i++, left[0]--) {
              last = write(s, framed);
            }
            last.onComplete(ar -> {
              if (ar.succeeded()) {
                context.runOnContext(v -> more[0].run());
              }
            });
          } else if (!end.isEmpty()) {
            write(s, end);
          }
        };
    more[0].run();
  }

  /** Writes {@code text} one byte every {@code everyMillis}, until done or the client leaves. */
  static BiConsumer<HostileController, NetSocket> drip(String text, long everyMillis) {
    return (h, s) -> {
      byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
      int[] next = {0};
      boolean[] closed = {false};
      s.closeHandler(v -> closed[0] = true);
      h.vertx.setPeriodic(
          everyMillis,
          id -> {
            if (closed[0] || next[0] >= bytes.length) {
              h.vertx.cancelTimer(id);
              return;
            }
            h.write(s, Buffer.buffer(new byte[] {bytes[next[0]++]}));
          });
    };
  }

  @Override
  public void close() {
    Await.result(server.close());
  }
}
