package dev.meshctl.simulator.api;

import dev.meshctl.simulator.net.NodeInfo;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The HTTP face of one simulated controller: VNS3's {@code /api} (behind the realism gate and
 * authentication) and the two calls simulated controllers make to each other over the simulated
 * network ({@code /_sim/peer}, {@code /_sim/keyset}).
 */
public final class ApiRouter {
  /** The only API user VNS3 has. */
  public static final String API_USER = "api";

  private ApiRouter() {}

  /**
   * @param gate runs first for every {@code /api} request: counts it, waits the latency, may
   *     inject a fault; calls {@code ctx.next()} to let it through
   */
  public static Router create(Vertx vertx, Appliance a, Handler<RoutingContext> gate) {
    Router r = Router.router(vertx);
    r.get("/_sim/peer").handler(ctx -> Replies.json(ctx, 200, NodeInfo.of(a.data()).toJson()));
    r.post("/_sim/keyset").handler(BodyHandler.create().setBodyLimit(64 * 1024));
    r.post("/_sim/keyset").handler(Replies.guard(ctx -> {
      String tokenHash = Replies.string(Replies.body(ctx), "token_sha256").orElse("");
      Replies.json(ctx, 200, KeysetApi.export(a.data(), tokenHash));
    }));
    r.route("/api/*").handler(BodyHandler.create().setBodyLimit(1024 * 1024));
    r.route("/api/*").handler(gate);
    r.route("/api/*").handler(ctx -> authenticate(ctx, a));
    SystemApi.mount(r, a);
    LicenseApi.mount(r, a);
    KeysetApi.mount(r, a);
    PeeringApi.mount(r, a);
    RoutesApi.mount(r, a);
    VariablesApi.mount(r, a);
    AccessApi.mount(r, a);
    r.route("/api/*").handler(ctx -> ApiError.notFound("Not found: " + ctx.request().method() + " " + ctx.request().path()).send(ctx));
    r.route().last().handler(ctx -> ctx.response().setStatusCode(404).end());
    r.errorHandler(500, ctx -> Replies.json(ctx, 500, new ApiError(500, "APIServerError", "Internal error").body()));
    return r;
  }

  private static void authenticate(RoutingContext ctx, Appliance a) {
    HttpServerRequest req = ctx.request();
    Optional<String> token =
        Optional.ofNullable(req.getHeader("api-token"))
            .or(() -> bearer(req.getHeader("Authorization")));
    if (token.isPresent()) {
      if (a.tokens().valid(token.get().strip(), a.now()).isPresent()) {
        ctx.next();
      } else {
        ApiError.unauthorized("Invalid or expired token").send(ctx);
      }
      return;
    }
    Optional<String[]> basic = basic(req.getHeader("Authorization"));
    if (basic.isPresent() && basic.get()[0].equals(API_USER) && a.data().passwordMatches(basic.get()[1])) {
      ctx.next();
      return;
    }
    ctx.response().putHeader("WWW-Authenticate", "Basic realm=\"VNS3 API\"");
    ApiError.unauthorized("Invalid username or password").send(ctx);
  }

  private static Optional<String> bearer(String header) {
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.of(header.substring(7));
    }
    return Optional.empty();
  }

  private static Optional<String[]> basic(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? Optional.empty() : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
