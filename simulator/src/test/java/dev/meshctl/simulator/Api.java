package dev.meshctl.simulator;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;

/**
 * A plain VNS3 API client for tests, as any client would talk to a controller: HTTPS without
 * verification, basic auth with user {@code api}. Records every answer for the contract test.
 */
final class Api {
  /** One answer. */
  record Reply(int status, String body) {
    JsonObject json() {
      return new JsonObject(body);
    }

    JsonObject response() {
      return json().getJsonObject("response");
    }

    String errorMessage() {
      return json().getJsonObject("error").getString("message");
    }
  }

  private final WebClient client;
  private final String base;
  private String password;

  Api(Vertx vertx, SimulatedController c) {
    this(vertx, c.endpoint(), c.apiPassword());
  }

  Api(Vertx vertx, String endpoint, String password) {
    this.client =
        WebClient.create(vertx, new WebClientOptions().setTrustAll(true).setVerifyHost(false).setConnectTimeout(2000));
    this.base = endpoint + "/api";
    this.password = password;
  }

  Api password(String p) {
    this.password = p;
    return this;
  }

  Future<Reply> get(String path) {
    return send(HttpMethod.GET, path, null);
  }

  Future<Reply> delete(String path) {
    return send(HttpMethod.DELETE, path, null);
  }

  Future<Reply> put(String path, JsonObject body) {
    return send(HttpMethod.PUT, path, body);
  }

  Future<Reply> post(String path, JsonObject body) {
    return send(HttpMethod.POST, path, body);
  }

  Future<Reply> putText(String path, String text) {
    HttpRequest<Buffer> req = client.requestAbs(HttpMethod.PUT, base + path).basicAuthentication("api", password)
        .putHeader("Content-Type", "text/plain").timeout(10_000);
    return req.sendBuffer(Buffer.buffer(text)).map(r -> record(HttpMethod.PUT, path, r));
  }

  Future<Reply> send(HttpMethod method, String path, JsonObject body) {
    HttpRequest<Buffer> req = client.requestAbs(method, base + path).basicAuthentication("api", password).timeout(10_000);
    Future<HttpResponse<Buffer>> f = body == null ? req.send() : req.sendJsonObject(body);
    return f.map(r -> record(method, path, r));
  }

  /** Polls {@code path} until {@code done} holds, every 20 ms, for at most {@code limit}. */
  Future<Reply> until(Vertx vertx, String path, java.util.function.Predicate<Reply> done, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    return get(path).recover(e -> Future.succeededFuture(new Reply(-1, e.toString()))).compose(r -> {
      if (done.test(r)) {
        return Future.succeededFuture(r);
      }
      if (System.nanoTime() > deadline) {
        return Future.failedFuture("timed out polling " + path + ", last answer " + r);
      }
      return vertx.timer(20).compose(t -> until(vertx, path, done, Duration.ofNanos(deadline - System.nanoTime())));
    });
  }

  private static Reply record(HttpMethod method, String path, HttpResponse<Buffer> r) {
    String body = r.bodyAsString() == null ? "" : r.bodyAsString();
    String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    Recorded.ALL.add(new Recorded.Exchange(method.name(), p, r.statusCode(), r.getHeader("Content-Type"), body));
    return new Reply(r.statusCode(), body);
  }
}
