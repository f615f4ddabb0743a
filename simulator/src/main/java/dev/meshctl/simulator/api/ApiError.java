package dev.meshctl.simulator.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An error answer in VNS3's wire format: {@code {"error": {"name", "message", "log"}}}. Thrown
 * by request handlers and turned into the answer by {@link Replies#guard}.
 */
public final class ApiError extends RuntimeException {
  private static final AtomicLong LOG_IDS = new AtomicLong(156_347_797_058_992L);

  private final int status;
  private final String name;

  public ApiError(int status, String name, String message) {
    super(message, null, false, false);
    this.status = status;
    this.name = name;
  }

  /** 400 APIArgumentError. */
  public static ApiError badRequest(String message) {
    return new ApiError(400, "APIArgumentError", message);
  }

  /** 403 PrerequisiteError: the controller is not in the state this call needs. */
  public static ApiError prerequisite(String message) {
    return new ApiError(403, "PrerequisiteError", message);
  }

  /** 403 "Must be licensed first.": most calls on an unlicensed controller. */
  public static ApiError unlicensed() {
    return prerequisite("Must be licensed first.");
  }

  public static ApiError notFound(String message) {
    return new ApiError(404, "APINotFoundError", message);
  }

  public static ApiError unauthorized(String message) {
    return new ApiError(401, "UnauthorizedError", message);
  }

  public int status() {
    return status;
  }

  public String errorName() {
    return name;
  }

  /** The wire body. */
  public JsonObject body() {
    return new JsonObject()
        .put(
            "error",
            new JsonObject()
                .put("name", name)
                .put("message", getMessage())
                .put("log", Long.toString(LOG_IDS.incrementAndGet())));
  }

  public void send(RoutingContext ctx) {
    Replies.json(ctx, status, body());
  }
}
