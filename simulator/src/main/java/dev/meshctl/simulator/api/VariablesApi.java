package dev.meshctl.simulator.api;

import static dev.meshctl.simulator.api.Replies.guard;

import dev.meshctl.simulator.VariableReading;
import dev.meshctl.simulator.state.ControllerData;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * {@code /system/variables}: custom variables. Each call is atomic on its controller. The document
 * gives create, update and delete and nothing more: no compare-and-set. Where it is silent (a
 * second POST of a name, the listed name, before the license) the simulator plays the {@link
 * VariableReading} it is set to.
 */
final class VariablesApi {
  static final String COLLECTION = "custom";
  /** The prefix the SDK says a custom variable resolves by ("resolvable by custom_[name]"). */
  static final String PREFIX = "custom_";

  private VariablesApi() {}

  static void mount(Router r, Appliance a) {
    r.get("/api/system/variables").handler(guard(ctx -> {
      allowed(a);
      Replies.ok(ctx, list(a));
    }));
    r.post("/api/system/variables").handler(guard(ctx -> {
      allowed(a);
      ControllerData d = a.data();
      JsonObject body = Replies.body(ctx);
      String name = Replies.string(body, "name").orElse("");
      if (!name.matches("[A-Za-z0-9_]+")) {
        throw new ApiError(400, "APIBadRequestError",
            "Invalid name. Names can only contain alphanumeric characters and underscores.");
      }
      String value = Replies.string(body, "value").orElseThrow(() -> ApiError.badRequest("value is missing"));
      if (d.variables.containsKey(name) && a.variables().post() == VariableReading.Post.REFUSE) {
        throw new ApiError(400, "APIBadRequestError", "Custom variable " + name + " already exists");
      }
      d.variables.put(name, value);
      d.variableDescriptions.put(name, Replies.string(body, "description").orElse(""));
      a.changed();
      Replies.respond(ctx, 201, list(a));
    }));
    r.put("/api/system/variables/:name").handler(guard(ctx -> {
      allowed(a);
      ControllerData d = a.data();
      String name = existing(d, ctx.pathParam("name"));
      JsonObject body = Replies.body(ctx);
      String value = Replies.string(body, "value").orElseThrow(() -> ApiError.badRequest("value is missing"));
      d.variables.put(name, value);
      a.changed();
      Replies.ok(ctx, entry(a, name));
    }));
    r.delete("/api/system/variables/:name").handler(guard(ctx -> {
      allowed(a);
      ControllerData d = a.data();
      String name = existing(d, ctx.pathParam("name"));
      d.variables.remove(name);
      d.variableDescriptions.remove(name);
      a.changed();
      Replies.ok(ctx, list(a));
    }));
  }

  /** The document lists 403 "Must be licensed first" for GET; the reading says whether it applies. */
  private static void allowed(Appliance a) {
    if (a.variables().unlicensed() == VariableReading.Unlicensed.FORBIDDEN) {
      Guards.licensed(a.data());
    }
  }

  private static String existing(ControllerData d, String name) {
    if (!d.variables.containsKey(name)) {
      throw ApiError.notFound("Custom variable " + name + " does not exist");
    }
    return name;
  }

  private static String listed(Appliance a, String name) {
    return a.variables().names() == VariableReading.Names.PREFIXED ? PREFIX + name : name;
  }

  private static JsonObject list(Appliance a) {
    JsonArray vars = new JsonArray();
    a.data().variables.keySet().forEach(k -> vars.add(entry(a, k)));
    return new JsonObject().put(COLLECTION, vars);
  }

  /** One variable as the document's {@code Variable}: name (as the reading lists it), description and value. */
  private static JsonObject entry(Appliance a, String name) {
    ControllerData d = a.data();
    return new JsonObject()
        .put("variable", listed(a, name))
        .put("description", d.variableDescriptions.getOrDefault(name, ""))
        .put("value", d.variables.get(name));
  }
}
