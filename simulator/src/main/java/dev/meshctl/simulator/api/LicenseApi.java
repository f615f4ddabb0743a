package dev.meshctl.simulator.api;

import static dev.meshctl.simulator.api.Replies.guard;

import dev.meshctl.simulator.license.SimLicense;
import dev.meshctl.simulator.license.Topology;
import dev.meshctl.simulator.state.Cidrs;
import dev.meshctl.simulator.state.ControllerData;
import dev.meshctl.simulator.state.Digests;
import dev.meshctl.simulator.state.Timestamps;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.Optional;

/**
 * {@code /license} and {@code /license/parameters}.
 *
 * <p>The {@code license} field is the license's state, not its id: "accepted" in the SDK's
 * recorded {@code LicenseUploadDetail} and {@code LicenseParamsResponse}, "State of license,
 * accepted, in-progress, failed" in the OpenAPI document.
 */
final class LicenseApi {
  static final String DEFAULT_OVERLAY = Topology.DEFAULT_OVERLAY;
  static final String ACCEPTED = "accepted";

  private LicenseApi() {}

  static void mount(Router r, Appliance a) {
    r.put("/api/license").handler(guard(ctx -> {
      ControllerData d = a.data();
      if (d.licensePresent()) {
        throw ApiError.badRequest("Controller is already licensed");
      }
      String text = ctx.body() == null ? "" : ctx.body().asString();
      SimLicense license = SimLicense.parse(text).orElseThrow(() -> ApiError.badRequest("Bad license"));
      d.licenseText = Optional.of(text);
      d.licenseUploadedAt = Optional.of(a.now());
      a.changed();
      Replies.ok(
          ctx,
          new JsonObject()
              .put("license_present", true)
              .put("finalized", false)
              .put("license", ACCEPTED)
              .put("capabilities", capabilities())
              .put("default_topology", Topology.of(license.controllers(), new JsonObject()).toJson()));
    }));
    r.get("/api/license").handler(guard(ctx -> {
      ControllerData d = a.data();
      if (!d.licensePresent()) {
        throw ApiError.unlicensed();
      }
      Replies.ok(ctx, detail(d));
    }));
    r.put("/api/license/parameters").handler(guard(ctx -> {
      ControllerData d = a.data();
      if (!d.licensePresent()) {
        throw ApiError.unlicensed();
      }
      if (d.finalized) {
        throw ApiError.badRequest("License parameters already accepted");
      }
      JsonObject params = parameters(Replies.body(ctx), Guards.capacity(d));
      d.parameters = params;
      d.finalized = true;
      a.changed();
      // Accepting parameters reboots the appliance, as on a real controller.
      a.rebootSoon();
      Replies.ok(
          ctx,
          new JsonObject().put("license", ACCEPTED).put("finalized", true).put("parameters", reported(params)));
    }));
  }

  /** The accepted parameters in the LicenseParameters shape, checked like VNS3 checks them. */
  static JsonObject parameters(JsonObject body, int capacity) {
    boolean useDefault = Replies.bool(body, "default", false);
    JsonObject p = new JsonObject().put("default", useDefault);
    if (useDefault) {
      return p.put("subnet", DEFAULT_OVERLAY);
    }
    String subnet =
        Replies.string(body, "subnet")
            .flatMap(Cidrs::parse)
            .orElseThrow(() -> ApiError.badRequest("invalid subnet field"));
    p.put("subnet", subnet);
    JsonArray managers = new JsonArray();
    for (String m : words(Replies.string(body, "managers").orElse(""))) {
      if (!m.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
        throw ApiError.badRequest("invalid managers field");
      }
      managers.add(m);
    }
    if (managers.size() > capacity) {
      throw ApiError.badRequest("invalid managers field");
    }
    p.put("managers", managers);
    JsonArray asns = new JsonArray();
    for (String s : words(Replies.string(body, "asns").orElse(""))) {
      if (!s.matches("\\d{1,10}")) {
        throw ApiError.badRequest("invalid asns field");
      }
      asns.add(Long.parseLong(s));
    }
    p.put("asns", asns);
    JsonArray clients = new JsonArray();
    for (String c : Replies.string(body, "clients").orElse("").split(",")) {
      if (!c.isBlank()) {
        clients.add(c.strip());
      }
    }
    p.put("clients", clients);
    Replies.string(body, "my_manager_vip").ifPresent(v -> p.put("my_manager_vip", v));
    return p;
  }

  private static String[] words(String s) {
    return s.isBlank() ? new String[0] : s.strip().split("\\s+");
  }

  /**
   * The accepted parameters as {@code PUT /license/parameters} answers them: the recorded {@code
   * LicenseParamsResponse} has no {@code default} key.
   */
  private static JsonObject reported(JsonObject params) {
    JsonObject p = params.copy();
    p.remove("default");
    return p;
  }

  /**
   * The {@code License} object: with accepted parameters, the topology they give (custom subnet,
   * managers, ASNs, clients and VIP), as the recorded {@code LicenseDetail} shows.
   */
  private static JsonObject detail(ControllerData d) {
    JsonObject o =
        new JsonObject()
            .put("license_present", true)
            .put("finalized", d.finalized)
            .put("license", ACCEPTED)
            .put("sha1_checksum", Digests.sha1(d.licenseText.orElse("")))
            .put("capabilities", capabilities())
            .put("custom_addressing", d.finalized && !d.parameters.getBoolean("default", true))
            .put("container_details", new JsonObject().put("containers_run_count", 0).put("containers_image_count", 0));
    d.licenseUploadedAt.ifPresent(t -> o.put("uploaded_at", Timestamps.system(t)).put("uploaded_at_i", t.getEpochSecond()));
    if (d.finalized) {
      Topology topology = Topology.of(Guards.capacity(d), d.parameters);
      o.put("topology", topology.toJson());
      topology.vip().ifPresent(v -> o.put("my_manager_vip", v));
    }
    return o;
  }

  private static JsonArray capabilities() {
    return new JsonArray().add("peering").add("routing");
  }
}
