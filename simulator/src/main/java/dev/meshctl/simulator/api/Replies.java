package dev.meshctl.simulator.api;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.JacksonCodec;
import io.vertx.ext.web.RoutingContext;

/** Writes answers in VNS3's wire format. */
public final class Replies {
  /**
   * Encodes by streaming over the JSON tree. {@code JsonObject.encode()} goes through Jackson's
   * object mapper whenever jackson-databind is on the class path; VNS3 answers every peer and
   * route write with the whole table, so a 64-controller mesh encodes tables thousands of times.
   */
  private static final JacksonCodec JSON = new JacksonCodec();

  private Replies() {}

  /** 200 with {@code {"response": value}}. */
  public static void ok(RoutingContext ctx, Object value) {
    respond(ctx, 200, value);
  }

  /** 200 with {@code {"response": value}}, the value already encoded. */
  static void ok(RoutingContext ctx, Buffer encodedValue) {
    if (ctx.response().ended() || ctx.response().closed()) {
      return;
    }
    Buffer body = Buffer.buffer(encodedValue.length() + 13).appendString("{\"response\":").appendBuffer(encodedValue).appendByte((byte) '}');
    ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(body);
  }

  /** The compact wire form of {@code o}, as every answer is written. */
  static byte[] encode(JsonObject o) {
    return JSON.toBuffer(o, false).getBytes();
  }

  public static void respond(RoutingContext ctx, int status, Object value) {
    json(ctx, status, new JsonObject().put("response", value));
  }

  public static void json(RoutingContext ctx, int status, JsonObject body) {
    if (ctx.response().ended() || ctx.response().closed()) {
      return;
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(JSON.toBuffer(body, false));
  }

  /** The request's JSON object body; 400 when it is missing or not a JSON object. */
  public static JsonObject body(RoutingContext ctx) {
    String text = ctx.body() == null ? null : ctx.body().asString();
    if (text == null || text.isBlank()) {
      throw ApiError.badRequest("request body must be a JSON object");
    }
    try {
      return new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      throw ApiError.badRequest("request body must be a JSON object");
    }
  }

  /** Wraps a handler so an {@link ApiError} it throws becomes the error answer. */
  public static Handler<RoutingContext> guard(Handler<RoutingContext> h) {
    return ctx -> {
      try {
        h.handle(ctx);
      } catch (ApiError e) {
        e.send(ctx);
      }
    };
  }

  /** A string field of a JSON body, empty if absent; 400 if present but not a string. */
  public static java.util.Optional<String> string(JsonObject body, String field) {
    Object v = body.getValue(field);
    if (v == null) {
      return java.util.Optional.empty();
    }
    if (!(v instanceof String s)) {
      throw ApiError.badRequest(field + " must be a string");
    }
    return java.util.Optional.of(s);
  }

  /** An integer field (a JSON number or a decimal string, as VNS3 accepts both). */
  public static java.util.Optional<Integer> integer(JsonObject body, String field) {
    Object v = body.getValue(field);
    if (v == null) {
      return java.util.Optional.empty();
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return java.util.Optional.of(n.intValue());
    }
    if (v instanceof String s && s.strip().matches("-?\\d{1,9}")) {
      return java.util.Optional.of(Integer.parseInt(s.strip()));
    }
    throw ApiError.badRequest(field + " is invalid");
  }

  /** A boolean field, {@code otherwise} if absent. */
  public static boolean bool(JsonObject body, String field, boolean otherwise) {
    Object v = body.getValue(field);
    if (v == null) {
      return otherwise;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s && (s.equals("true") || s.equals("false"))) {
      return Boolean.parseBoolean(s);
    }
    throw ApiError.badRequest(field + " must be true or false");
  }
}
