package dev.meshctl.cli.reconcile;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The loop's HTTP endpoint: {@code GET /healthz} (JSON, 200 or 503) and {@code GET /metrics}
 * (Prometheus text). A plain Vert.x server: both answers are computed from values in memory, so
 * they never block the event loop.
 */
public final class MetricsServer {
  /** The Prometheus text exposition format's content type. */
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9.-]+):(\\d{1,5})");

  private final HttpServer server;

  private MetricsServer(HttpServer server) {
    this.server = server;
  }

  /** Where to listen: {@code host:port} ({@code [::1]:port} for IPv6). */
  public record Address(String host, int port) {
    public static Optional<Address> parse(String text) {
      Matcher m = HOST_PORT.matcher(text.strip());
      if (!m.matches()) {
        return Optional.empty();
      }
      int port = Integer.parseInt(m.group(2));
      if (port > 65535) {
        return Optional.empty();
      }
      String host = m.group(1).startsWith("[") ? m.group(1).substring(1, m.group(1).length() - 1) : m.group(1);
      return Optional.of(new Address(host, port));
    }
  }

  /** Starts listening; fails (e.g. address in use) with the reason. */
  public static Future<MetricsServer> start(
      Vertx vertx, Address at, Supplier<String> metrics, Supplier<Health> health) {
    return vertx
        .createHttpServer()
        .requestHandler(req -> handle(req, metrics, health))
        .listen(at.port(), at.host())
        .map(MetricsServer::new);
  }

  public int port() {
    return server.actualPort();
  }

  public Future<Void> close() {
    return server.close();
  }

  private static void handle(HttpServerRequest req, Supplier<String> metrics, Supplier<Health> health) {
    if (req.method() != HttpMethod.GET && req.method() != HttpMethod.HEAD) {
      req.response().setStatusCode(405).putHeader("Allow", "GET, HEAD").end();
      return;
    }
    switch (req.path()) {
      case "/metrics" -> req.response().putHeader("Content-Type", PROMETHEUS_TEXT).end(metrics.get());
      case "/healthz" -> {
        Health h = health.get();
        req.response()
            .setStatusCode(h.status())
            .putHeader("Content-Type", "application/json")
            .end(h.body().encodePrettily());
      }
      default -> req.response().setStatusCode(404).putHeader("Content-Type", "text/plain").end("not found: try /metrics or /healthz\n");
    }
  }
}
