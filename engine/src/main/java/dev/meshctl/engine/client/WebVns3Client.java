package dev.meshctl.engine.client;

import dev.meshctl.dsl.model.LicenseParameters;
import dev.meshctl.dsl.model.Secret;
import dev.meshctl.engine.live.ConfigState;
import dev.meshctl.engine.live.KeysetState;
import dev.meshctl.engine.live.LicenseState;
import dev.meshctl.engine.live.LiveRoute;
import dev.meshctl.engine.live.PeerLink;
import dev.meshctl.engine.live.PeeringState;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link Vns3Client} over a Vert.x {@link HttpClient}, which lets each request keep a deadline
 * for its whole answer and a cap on its size. Build it with {@link Vns3Clients#create}.
 */
public final class WebVns3Client implements Vns3Client {
  /** The header an API token travels in. */
  public static final String TOKEN_HEADER = "Api-Token";

  /** How meshctl may authenticate: the API user and password, or an API token. */
  public sealed interface Auth {
    record Basic(String username, Secret password) implements Auth {}

    record Token(Secret token) implements Auth {}
  }

  /** How safely a request may be repeated. */
  private enum Safety {
    /** A read: repeat after any transient failure. */
    READ,
    /** A write whose repetition changes nothing more: repeat after any transient failure. */
    IDEMPOTENT,
    /**
     * A write that must land once: repeat only when it certainly was not sent; after an
     * ambiguous failure, re-read and repeat only if it did not land.
     */
    ONCE
  }

  private record Call(HttpMethod method, String path, Safety safety, Optional<Object> body) {
    String name() {
      return method.name() + " " + path;
    }
  }

  /** The decoder of a write whose answer is not read: the body is left undecoded. */
  private static final Function<Object, Boolean> ACKNOWLEDGED = p -> Boolean.TRUE;

  private final Vertx vertx;
  private final HttpClient web;
  private final String controller;
  private final String baseUrl;
  private final AtomicReference<Auth> auth;
  private final Duration requestTimeout;
  private final ClientOptions options;
  private final Optional<String> tlsProblem;
  private final RequestStats stats = new RequestStats();
  /**
   * When this client last saw the controller booting or about to (a refused connection, a 502 or
   * 503, a call that reboots it), in {@link System#nanoTime()}; 0 for never. A 401 within the
   * wait policy's unauthorized window of that is a booting controller's (the Go client counts
   * "Unauthorized" as still booting, {@code cohesivenet/utils.go}) and is retried; any other 401
   * is a wrong password, told at once.
   */
  private volatile long bootSignNanos;

  /**
   * @param tlsProblem why the TLS settings could not be used (e.g. an unreadable CA file); every
   *     call then fails with a {@link Vns3Error.Tls} saying so
   */
  WebVns3Client(
      Vertx vertx,
      HttpClient web,
      String controller,
      String baseUrl,
      Auth auth,
      Duration requestTimeout,
      ClientOptions options,
      Optional<String> tlsProblem) {
    this.vertx = vertx;
    this.web = web;
    this.controller = controller;
    this.baseUrl = baseUrl;
    this.auth = new AtomicReference<>(auth);
    this.requestTimeout = requestTimeout;
    this.options = options;
    this.tlsProblem = tlsProblem;
  }

  @Override
  public String controller() {
    return controller;
  }

  @Override
  public RequestStats stats() {
    return stats;
  }

  // ---- reads --------------------------------------------------------------------------------

  @Override
  public Future<ConfigState> getConfig() {
    return run(read("/config"), Vns3Wire::config, null);
  }

  @Override
  public Future<LicenseState> getLicense() {
    return run(read("/license"), Vns3Wire::license, null);
  }

  @Override
  public Future<KeysetState> getKeyset() {
    return run(read("/keyset"), Vns3Wire::keyset, null);
  }

  @Override
  public Future<PeeringState> getPeering() {
    return run(read("/peering"), Vns3Wire::peering, null);
  }

  @Override
  public Future<List<LiveRoute>> getRoutes() {
    return run(read("/routes"), Vns3Wire::routes, null);
  }

  // ---- writes -------------------------------------------------------------------------------

  @Override
  public Future<ConfigState> putConfig(Optional<String> topologyName, Optional<String> controllerName) {
    return run(
        write(HttpMethod.PUT, "/config", Safety.IDEMPOTENT, Vns3Wire.configRequest(topologyName, controllerName)),
        Vns3Wire::config,
        null);
  }

  @Override
  public Future<Void> putLicense(Secret licenseText) {
    return run(
            write(HttpMethod.PUT, "/license", Safety.ONCE, licenseText),
            p -> Boolean.TRUE,
            () -> getLicense().map(l -> l.present() ? Optional.of(Boolean.TRUE) : Optional.empty()))
        .mapEmpty();
  }

  @Override
  public Future<Void> putLicenseParameters(LicenseParameters parameters) {
    bootSign();
    return run(
            write(HttpMethod.PUT, "/license/parameters", Safety.ONCE, Vns3Wire.licenseParametersRequest(parameters)),
            p -> Boolean.TRUE,
            () -> getLicense().map(l -> l.finalized() ? Optional.of(Boolean.TRUE) : Optional.empty()))
        .mapEmpty();
  }

  @Override
  public Future<KeysetState> generateKeyset(Secret token) {
    return putKeyset(new JsonObject().put("token", token.reveal()));
  }

  @Override
  public Future<KeysetState> fetchKeyset(String sourceAddress, Secret token) {
    bootSign();
    return putKeyset(new JsonObject().put("source", sourceAddress).put("token", token.reveal()));
  }

  /** A repeated {@code PUT /keyset} would start a second job: after an ambiguous failure, look. */
  private Future<KeysetState> putKeyset(JsonObject body) {
    return run(
        write(HttpMethod.PUT, "/keyset", Safety.ONCE, body),
        Vns3Wire::keyset,
        () -> getKeyset().map(k -> k.present() || k.inProgress() ? Optional.of(k) : Optional.empty()));
  }

  @Override
  public Future<Void> setPeerId(int id) {
    return acknowledged(
        write(HttpMethod.PUT, "/peering/self", Safety.ONCE, new JsonObject().put("id", id)),
        () -> getPeering().map(p -> p.selfId().equals(Optional.of(id))));
  }

  @Override
  public Future<Void> createPeer(int id, String address, OptionalInt overlayMtu) {
    return acknowledged(
        write(HttpMethod.POST, "/peering/peers", Safety.ONCE, Vns3Wire.peerRequest(OptionalInt.of(id), address, overlayMtu)),
        () -> getPeering().map(p -> hasPeer(p, id, address)));
  }

  private static boolean hasPeer(PeeringState p, int id, String address) {
    PeerLink link = p.peers().get(id);
    return link != null && !link.notSet() && link.address().equals(address);
  }

  @Override
  public Future<Void> updatePeer(int id, String address, OptionalInt overlayMtu) {
    return acknowledged(
        write(HttpMethod.PUT, "/peering/peers/" + id, Safety.IDEMPOTENT, Vns3Wire.peerRequest(OptionalInt.empty(), address, overlayMtu)),
        null);
  }

  @Override
  public Future<Void> deletePeer(int id) {
    // A repeated DELETE of a removed peer may answer 400: look instead of repeating blindly.
    return acknowledged(
        write(HttpMethod.DELETE, "/peering/peers/" + id, Safety.ONCE, null),
        () -> getPeering().map(p -> {
              PeerLink link = p.peers().get(id);
              return link == null || link.notSet();
            }));
  }

  @Override
  public Future<Void> createRoute(RouteRequest route) {
    // POST /routes has no idempotency key: a blind repeat would create the route twice.
    return acknowledged(
        write(HttpMethod.POST, "/routes", Safety.ONCE, Vns3Wire.routeRequest(route)),
        () -> getRoutes().map(rs -> rs.stream().anyMatch(route::sameRoute)));
  }

  @Override
  public Future<Void> deleteRoute(String id) {
    return acknowledged(
        write(HttpMethod.DELETE, "/routes/" + id, Safety.ONCE, null),
        () -> getRoutes().map(rs -> rs.stream().noneMatch(r -> r.id().equals(id))));
  }

  @Override
  public Future<Void> setApiPassword(Secret password) {
    return run(
            write(HttpMethod.PUT, "/api_password", Safety.ONCE, new JsonObject().put("password", password.reveal())),
            p -> Boolean.TRUE,
            null)
        .onSuccess(
            ok ->
                auth.updateAndGet(
                    a -> a instanceof Auth.Basic b ? new Auth.Basic(b.username(), password) : a))
        .mapEmpty();
  }

  @Override
  public Future<Void> reboot() {
    // A controller that drops the connection while answering is rebooting: that is success.
    bootSign();
    return run(
            write(HttpMethod.PUT, "/server", Safety.ONCE, new JsonObject().put("reboot", true)),
            p -> Boolean.TRUE,
            () -> Future.succeededFuture(Optional.of(Boolean.TRUE)))
        .mapEmpty();
  }

  // ---- custom variables (the apply lock lives in one) ------------------------------------------

  @Override
  public Future<java.util.Map<String, String>> variables() {
    return run(read("/system/variables"), Vns3Wire::variables, null);
  }

  @Override
  public Future<Void> createVariable(String name, String value) {
    // Repeatable: the lock creates only names unique to one run, so a repeated POST writes the
    // same value again or is refused as existing; the lock reads the list to learn which.
    return run(
            write(HttpMethod.POST, "/system/variables", Safety.IDEMPOTENT, new JsonObject().put("name", name).put("value", value)),
            p -> Boolean.TRUE,
            null)
        .mapEmpty();
  }

  @Override
  public Future<Void> deleteVariable(String name) {
    return run(
            write(HttpMethod.DELETE, "/system/variables/" + name, Safety.IDEMPOTENT, null),
            p -> Boolean.TRUE,
            null)
        .<Void>mapEmpty()
        .recover(
            e ->
                Vns3Exception.errorOf(e)
                        .filter(x -> x instanceof Vns3Error.HttpStatus h && h.status() == 404)
                        .isPresent()
                    ? Future.succeededFuture()
                    : Future.failedFuture(e));
  }

  // ---- waits --------------------------------------------------------------------------------

  @Override
  public Future<Void> awaitReboot(Duration timeout) {
    return Waits.reboot(
        vertx, options.waits(), timeout, controller, () -> probe(read("/config"), Vns3Wire::config));
  }

  @Override
  public Future<KeysetState> awaitKeyset(Duration timeout, Optional<Long> previousStartedAt) {
    return Waits.keyset(
        vertx,
        options.waits(),
        timeout,
        controller,
        previousStartedAt,
        () -> probe(read("/keyset"), Vns3Wire::keyset));
  }

  @Override
  public Future<KeysetState> awaitDownloadedKeyset(
      Duration keysetTimeout, Duration rebootTimeout, Optional<Long> previousStartedAt) {
    return Waits.downloadedKeyset(
        vertx,
        options.waits(),
        keysetTimeout,
        rebootTimeout,
        controller,
        previousStartedAt,
        () -> probe(read("/keyset"), Vns3Wire::keyset),
        () -> probe(read("/config"), Vns3Wire::config));
  }

  @Override
  public Future<Void> close() {
    web.close();
    return Future.succeededFuture();
  }

  // ---- one request, retries -----------------------------------------------------------------

  private static Call read(String path) {
    return new Call(HttpMethod.GET, path, Safety.READ, Optional.empty());
  }

  private static Call write(HttpMethod method, String path, Safety safety, Object body) {
    return new Call(method, path, safety, Optional.ofNullable(body));
  }

  /** One poll of a wait: a single attempt with the wait's own, shorter timeout. */
  private <T> Future<T> probe(Call call, Function<Object, T> decode) {
    return once(call, decode, options.waits().probeTimeout().toMillis());
  }

  /**
   * Runs {@code call} under the retry policy, with fresh retry state.
   *
   * @param landed for a {@link Safety#ONCE} write: re-reads the controller and answers the
   *     write's result if it landed, empty if it did not; null when that cannot be told
   */
  private <T> Future<T> run(
      Call call, Function<Object, T> decode, Supplier<Future<Optional<T>>> landed) {
    return attempt(call, decode, landed, options.retry().start());
  }

  /**
   * Runs a write whose answer is not read (see {@link Vns3Client}); {@code landed}, if given, says
   * from a fresh read whether the write took effect after an ambiguous failure.
   */
  private Future<Void> acknowledged(Call call, Supplier<Future<Boolean>> landed) {
    Supplier<Future<Optional<Boolean>>> check =
        landed == null ? null : () -> landed.get().map(yes -> yes ? Optional.of(Boolean.TRUE) : Optional.<Boolean>empty());
    return run(call, ACKNOWLEDGED, check).mapEmpty();
  }

  private <T> Future<T> attempt(
      Call call,
      Function<Object, T> decode,
      Supplier<Future<Optional<T>>> landed,
      RetryPolicy.Attempts attempts) {
    attempts.begin();
    return once(call, decode, requestTimeout.toMillis())
        .recover(
            failure -> {
              Vns3Error e = Vns3Exception.errorOf(failure).orElseThrow();
              if (e instanceof Vns3Error.Unauthorized && booting()) {
                // Bounded by the unauthorized window, which a 401 does not extend.
                Promise<Void> timer = Promise.promise();
                vertx.setTimer(Math.max(1, options.waits().pollInterval().toMillis()), id -> timer.complete());
                return timer.future().compose(v -> attempt(call, decode, landed, attempts));
              }
              if (!isTransient(e)) {
                return Future.failedFuture(failure);
              }
              if (call.safety() == Safety.ONCE && e.ambiguous()) {
                if (landed == null) {
                  return Future.failedFuture(failure);
                }
                return landed
                    .get()
                    .transform(
                        look -> {
                          if (look.failed()) {
                            // Cannot tell whether the write landed: report the write's failure.
                            return Future.failedFuture(failure);
                          }
                          if (look.result().isPresent()) {
                            return Future.succeededFuture(look.result().get());
                          }
                          return retryLater(call, decode, landed, attempts, failure);
                        });
              }
              return retryLater(call, decode, landed, attempts, failure);
            });
  }

  private <T> Future<T> retryLater(
      Call call,
      Function<Object, T> decode,
      Supplier<Future<Optional<T>>> landed,
      RetryPolicy.Attempts attempts,
      Throwable failure) {
    if (attempts.exhausted()) {
      return Future.failedFuture(failure);
    }
    Promise<Void> timer = Promise.promise();
    vertx.setTimer(attempts.nextDelayMillis(), id -> timer.complete());
    return timer.future().compose(v -> attempt(call, decode, landed, attempts));
  }

  private void bootSign() {
    bootSignNanos = System.nanoTime();
  }

  /** A refused connection or a 502/503 is a sign the controller is booting. */
  private void noteBootSign(Throwable failure) {
    Vns3Exception.errorOf(failure)
        .filter(e -> Waits.wentDown(e) || e instanceof Vns3Error.ServerBusy)
        .ifPresent(e -> bootSign());
  }

  private boolean booting() {
    long at = bootSignNanos;
    return at != 0 && System.nanoTime() - at < options.waits().unauthorizedWindow().toNanos();
  }

  private static boolean isTransient(Vns3Error e) {
    return e instanceof Vns3Error.Unreachable
        || e instanceof Vns3Error.ServerBusy
        || e instanceof Vns3Error.Timeout;
  }

  /**
   * Sends {@code call} once; fails with a {@link Vns3Exception} only.
   *
   * <p>{@code timeoutMillis} is a deadline for the whole exchange: connecting, the headers and
   * every byte of the body. Vert.x's own request timeout is an idle timeout that a controller
   * dripping one byte a second resets forever; a timer resets the connection instead. The body is
   * counted as it arrives and cut off past {@link ClientOptions#maxAnswerBytes}.
   */
  private <T> Future<T> once(Call call, Function<Object, T> decode, long timeoutMillis) {
    if (tlsProblem.isPresent()) {
      return Future.failedFuture(new Vns3Exception(new Vns3Error.Tls(controller, call.name(), tlsProblem.get())));
    }
    if (call.method() == HttpMethod.GET) {
      stats.countRead();
    } else {
      stats.countWrite();
    }
    Exchange exchange = new Exchange(call, timeoutMillis);
    Buffer payload;
    RequestOptions request =
        new RequestOptions()
            .setMethod(call.method())
            .setAbsoluteURI(baseUrl + call.path())
            .setFollowRedirects(false)
            .putHeader("Accept", "application/json")
            .putHeader("User-Agent", "meshctl");
    Auth a = auth.get();
    if (a instanceof Auth.Basic b) {
      request.putHeader("Authorization", basic(b));
    } else if (a instanceof Auth.Token t) {
      request.putHeader(TOKEN_HEADER, t.token().reveal());
    }
    if (call.body().isEmpty()) {
      payload = null;
    } else if (call.body().get() instanceof Secret text) {
      request.putHeader("Content-Type", "text/plain");
      payload = Buffer.buffer(text.reveal());
    } else {
      request.putHeader("Content-Type", "application/json");
      payload = ((JsonObject) call.body().get()).toBuffer();
    }
    exchange.start();
    Context here = Vertx.currentContext();
    if (here == null) {
      // From a thread of no context, each callback may land on another event loop than the
      // response's events, so the body can end before its handlers are set: issue it from one.
      vertx.getOrCreateContext().runOnContext(v -> issue(exchange, request, payload));
    } else {
      issue(exchange, request, payload);
    }
    return exchange.body.future().compose(r -> decodeAnswer(call, r, decode)).onFailure(this::noteBootSign);
  }

  /** Sends the request; the answer's handlers are set in the same turn its head arrives. */
  private void issue(Exchange exchange, RequestOptions request, Buffer payload) {
    Call call = exchange.call;
    long timeoutMillis = exchange.timeoutMillis;
    web.request(request)
        .compose(
            req -> {
              exchange.sending(req);
              return payload == null ? req.send() : req.send(payload);
            })
        .onComplete(
            ar -> {
              if (ar.failed()) {
                exchange.fail(Failures.classify(controller, call.name(), ar.cause(), timeoutMillis));
              } else {
                try {
                  exchange.receive(ar.result());
                } catch (IllegalStateException ended) {
                  // Vert.x refuses handlers on an answer that already ended: its body is lost.
                  // Say so rather than wait for a deadline that this exchange would never meet.
                  exchange.fail(new Vns3Error.Unreachable(controller, call.name(), "the answer ended before it could be read", true));
                }
              }
            });
  }

  /** The status, headers and whole body of one answer, read within the cap. */
  private record Answer(int status, String contentType, Buffer body) {}

  /** One request in flight: its deadline, the body read so far, and the one outcome. */
  private final class Exchange {
    final Call call;
    final long timeoutMillis;
    final Promise<Answer> body = Promise.promise();
    volatile HttpClientRequest request;
    long timer = -1;

    Exchange(Call call, long timeoutMillis) {
      this.call = call;
      this.timeoutMillis = timeoutMillis;
    }

    void start() {
      timer =
          vertx.setTimer(
              timeoutMillis,
              id ->
                  fail(new Vns3Error.Timeout(controller, call.name(), "no answer within " + Failures.seconds(timeoutMillis))));
    }

    void sending(HttpClientRequest req) {
      request = req;
      if (body.future().isComplete()) {
        // The deadline passed while connecting.
        req.reset();
      }
    }

    void receive(HttpClientResponse r) {
      int status = r.statusCode();
      String name = call.name();
      // Set first: a response without one logs its reset (ours, below) as SEVERE on the terminal.
      r.exceptionHandler(e -> fail(Failures.classify(controller, name, e, timeoutMillis)));
      if (status >= 300 && status < 400) {
        fail(new Vns3Error.Redirect(controller, name, status, Redirects.shown(r.getHeader("Location"), baseUrl)));
        return;
      }
      String encoding = Optional.ofNullable(r.getHeader("Content-Encoding")).orElse("identity").strip();
      if (!encoding.isEmpty() && !encoding.equalsIgnoreCase("identity")) {
        // Nothing asked for compression: an answer that is compressed anyway is refused unread.
        fail(new Vns3Error.MalformedResponse(
            controller, name, "answer compressed (" + ControllerText.clean(encoding, List.of()) + ") although meshctl did not ask for compression"));
        return;
      }
      long cap = options.maxAnswerBytes();
      String length = r.getHeader("Content-Length");
      if (length != null && length.strip().matches("[0-9]{1,18}") && Long.parseLong(length.strip()) > cap) {
        fail(tooLarge(name, cap));
        return;
      }
      Buffer read = Buffer.buffer();
      r.handler(
          chunk -> {
            if (body.future().isComplete()) {
              return;
            }
            if ((long) read.length() + chunk.length() > cap) {
              fail(tooLarge(name, cap));
              return;
            }
            read.appendBuffer(chunk);
          });
      r.endHandler(v -> succeed(new Answer(status, Optional.ofNullable(r.getHeader("Content-Type")).orElse(""), read)));
    }

    private Vns3Error tooLarge(String name, long cap) {
      return new Vns3Error.MalformedResponse(
          controller, name, "answer larger than " + Failures.size(cap) + "; a VNS3 answer is never that large");
    }

    void succeed(Answer a) {
      vertx.cancelTimer(timer);
      body.tryComplete(a);
    }

    /** Ends the exchange with {@code e}; a connection still open is reset, so nothing more is read. */
    void fail(Vns3Error e) {
      vertx.cancelTimer(timer);
      if (body.tryFail(new Vns3Exception(e)) && request != null) {
        request.reset();
      }
    }
  }

  /** Bodies larger than this are decoded on a worker thread, never on the event loop. */
  private static final int DECODE_ON_LOOP_BYTES = 64 * 1024;

  private <T> Future<T> decodeAnswer(Call call, Answer a, Function<Object, T> decode) {
    if (a.body().length() <= DECODE_ON_LOOP_BYTES) {
      try {
        return Future.succeededFuture(answer(call, a, decode));
      } catch (Vns3Exception e) {
        return Future.failedFuture(e);
      }
    }
    return vertx.executeBlocking(() -> answer(call, a, decode), false);
  }

  private <T> T answer(Call call, Answer r, Function<Object, T> decode) {
    int status = r.status();
    Buffer body = r.body();
    String name = call.name();
    if (status >= 200 && status < 300) {
      String type = r.contentType().toLowerCase(Locale.ROOT);
      if (type.contains("html")) {
        throw new Vns3Exception(
            new Vns3Error.MalformedResponse(controller, name, "expected JSON, got an HTML page"));
      }
      if (decode == ACKNOWLEDGED) {
        return decode.apply(null);
      }
      try {
        return decode.apply(Vns3Wire.payload(body));
      } catch (WireFormatException e) {
        throw new Vns3Exception(new Vns3Error.MalformedResponse(controller, name, e.getMessage()));
      } catch (RuntimeException e) {
        throw new Vns3Exception(
            new Vns3Error.MalformedResponse(controller, name, "unexpected answer: " + e.getClass().getSimpleName()));
      }
    }
    String message = ControllerText.clean(Vns3Wire.errorMessage(body), secrets(call));
    throw new Vns3Exception(
        switch (status) {
          case 400 -> new Vns3Error.BadRequest(controller, name, orElse(message, "bad request"));
          case 401 -> new Vns3Error.Unauthorized(controller, name);
          case 403 -> new Vns3Error.Forbidden(controller, name, orElse(message, "forbidden"));
          case 502, 503 -> new Vns3Error.ServerBusy(controller, name, status);
          default -> new Vns3Error.HttpStatus(controller, name, status, message);
        });
  }

  /**
   * What this client sent that a controller must not get printed back: the password or token, the
   * basic-auth header value, and any secret in the request body (license, keyset token, new
   * password).
   */
  private List<String> secrets(Call call) {
    List<String> out = new java.util.ArrayList<>();
    Auth a = auth.get();
    if (a instanceof Auth.Basic b) {
      out.add(b.password().reveal());
      out.add(basic(b).substring("Basic ".length()));
    } else if (a instanceof Auth.Token t) {
      out.add(t.token().reveal());
    }
    if (call.body().isPresent() && call.body().get() instanceof Secret text) {
      out.add(text.reveal());
    } else if (call.body().isPresent() && call.body().get() instanceof JsonObject o) {
      for (String key : List.of("token", "password")) {
        if (o.getValue(key) instanceof String v) {
          out.add(v);
        }
      }
    }
    return out;
  }

  private static String basic(Auth.Basic b) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString((b.username() + ":" + b.password().reveal()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static String orElse(String s, String fallback) {
    return s.isBlank() ? fallback : s;
  }
}
