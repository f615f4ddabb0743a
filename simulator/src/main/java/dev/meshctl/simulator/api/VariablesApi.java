package dev.meshctl.simulator.api;

import static dev.meshctl.simulator.api.Replies.guard;

import dev.meshctl.simulator.state.ControllerData;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.Optional;

/**
 * {@code /system/variables}: custom variables, available on an unlicensed controller too. Each
 * call is atomic on its controller; {@code POST} of an existing name fails (create-if-absent) and
 * {@code PUT} with {@code "expected"} changes the value only if it still equals that
 * (compare-and-set), so concurrent writers see each other.
 */
final class VariablesApi {
  static final String COLLECTION = "custom";

  private VariablesApi() {}

  static void mount(Router r, Appliance a) {
    r.get("/api/system/variables").handler(guard(ctx -> Replies.ok(ctx, list(a.data()))));
    r.post("/api/system/variables").handler(guard(ctx -> {
      ControllerData d = a.data();
      JsonObject body = Replies.body(ctx);
      String name = Replies.string(body, "name").orElse("");
      if (!name.matches("[A-Za-z0-9_]+")) {
        throw new ApiError(400, "APIBadRequestError",
            "Invalid name. Names can only contain alphanumeric characters and underscores.");
      }
      String value = Replies.string(body, "value").orElseThrow(() -> ApiError.badRequest("value is missing"));
      if (d.variables.containsKey(name)) {
        throw new ApiError(400, "APIBadRequestError", "Custom variable " + name + " already exists");
      }
      d.variables.put(name, value);
      d.variableDescriptions.put(name, Replies.string(body, "description").orElse(""));
      a.changed();
      Replies.respond(ctx, 201, list(d));
    }));
    r.put("/api/system/variables/:name").handler(guard(ctx -> {
      ControllerData d = a.data();
      String name = existing(d, ctx.pathParam("name"));
      JsonObject body = Replies.body(ctx);
      String value = Replies.string(body, "value").orElseThrow(() -> ApiError.badRequest("value is missing"));
      Optional<String> expected = Replies.string(body, "expected");
      if (expected.isPresent() && !expected.get().equals(d.variables.get(name))) {
        throw ApiError.badRequest("Custom variable " + name + " does not have the expected value");
      }
      d.variables.put(name, value);
      a.changed();
      Replies.ok(ctx, entry(d, name));
    }));
    r.delete("/api/system/variables/:name").handler(guard(ctx -> {
      ControllerData d = a.data();
      String name = existing(d, ctx.pathParam("name"));
      d.variables.remove(name);
      d.variableDescriptions.remove(name);
      a.changed();
      Replies.ok(ctx, list(d));
    }));
  }

  private static String existing(ControllerData d, String name) {
    if (!d.variables.containsKey(name)) {
      throw ApiError.notFound("Custom variable " + name + " does not exist");
    }
    return name;
  }

  private static JsonObject list(ControllerData d) {
    JsonArray vars = new JsonArray();
    d.variables.keySet().forEach(k -> vars.add(entry(d, k)));
    return new JsonObject().put(COLLECTION, vars);
  }

  /** One variable as the document's {@code Variable}: name, description and value. */
  private static JsonObject entry(ControllerData d, String name) {
    return new JsonObject()
        .put("variable", name)
        .put("description", d.variableDescriptions.getOrDefault(name, ""))
        .put("value", d.variables.get(name));
  }
}
