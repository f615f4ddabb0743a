package dev.meshctl.simulator.api;

import static dev.meshctl.simulator.api.Replies.guard;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/** {@code /access/token(s)}: API tokens, an alternative to the API password. */
final class AccessApi {
  private AccessApi() {}

  static void mount(Router r, Appliance a) {
    r.post("/api/access/token").handler(guard(ctx -> {
      String text = ctx.body() == null ? "" : ctx.body().asString();
      JsonObject body = text == null || text.isBlank() ? new JsonObject() : Replies.body(ctx);
      int expires = Replies.integer(body, "expires").orElse(3600);
      if (expires < 60 || expires > 31_536_000) {
        throw ApiError.badRequest("expires range must be between 60 and 31,536,000");
      }
      String name = Replies.string(body, "name").or(() -> Replies.string(body, "token_name")).orElse("api token");
      TokenStore.Token t = a.tokens().create(name, expires, Replies.bool(body, "refreshes", false), a.now());
      Replies.respond(ctx, 201, t.toJson(a.now()));
    }));
    r.get("/api/access/tokens").handler(guard(ctx -> {
      JsonArray list = new JsonArray();
      a.tokens().all().forEach(t -> list.add(t.toJson(a.now())));
      Replies.ok(ctx, list);
    }));
    r.get("/api/access/token/:token_id").handler(guard(ctx ->
        Replies.ok(ctx, a.tokens().get(id(ctx.pathParam("token_id"))).orElseThrow(AccessApi::missing).toJson(a.now()))));
    r.delete("/api/access/token/:token_id").handler(guard(ctx -> {
      if (!a.tokens().remove(id(ctx.pathParam("token_id")))) {
        throw missing();
      }
      Replies.ok(ctx, "ok");
    }));
  }

  private static int id(String raw) {
    try {
      return Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw missing();
    }
  }

  private static ApiError missing() {
    return ApiError.notFound("Requested api token does not exist");
  }
}
