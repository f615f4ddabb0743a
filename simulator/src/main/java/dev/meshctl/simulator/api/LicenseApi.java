package dev.meshctl.simulator.api;

import static dev.meshctl.simulator.api.Replies.guard;

import dev.meshctl.simulator.license.SimLicense;
import dev.meshctl.simulator.state.Cidrs;
import dev.meshctl.simulator.state.ControllerData;
import dev.meshctl.simulator.state.Digests;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.Optional;

/** {@code /license} and {@code /license/parameters}. */
final class LicenseApi {
  static final String DEFAULT_OVERLAY = "100.64.0.0/16";

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
              .put("license", license.licenseId())
              .put("capabilities", capabilities())
              .put("default_topology", topology(license.controllers(), DEFAULT_OVERLAY)));
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
          new JsonObject().put("license", Guards.licenseId(d)).put("finalized", true).put("parameters", params.copy()));
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

  private static JsonObject detail(ControllerData d) {
    int capacity = Guards.capacity(d);
    JsonObject o =
        new JsonObject()
            .put("license_present", true)
            .put("finalized", d.finalized)
            .put("license", Guards.licenseId(d))
            .put("sha1_checksum", Digests.sha1(d.licenseText.orElse("")))
            .put("capabilities", capabilities())
            .put("custom_addressing", d.finalized && !d.parameters.getBoolean("default", true))
            .put("container_details", new JsonObject().put("containers_run_count", 0).put("containers_image_count", 0));
    d.licenseUploadedAt.ifPresent(t -> o.put("uploaded_at", t.toString()).put("uploaded_at_i", t.getEpochSecond()));
    if (d.finalized) {
      o.put("topology", topology(capacity, d.parameters.getString("subnet", DEFAULT_OVERLAY)));
      o.put("parameters", d.parameters.copy());
      String vip = d.parameters.getString("my_manager_vip");
      if (vip != null) {
        o.put("my_manager_vip", vip);
      }
    }
    return o;
  }

  private static JsonArray capabilities() {
    return new JsonArray().add("peering").add("routing");
  }

  private static JsonObject topology(int controllers, String overlay) {
    JsonArray managers = new JsonArray();
    for (int i = 1; i <= controllers; i++) {
      int[] octets = {100, 64, i / 256, i % 256};
      managers.add(
          new JsonObject()
              .put("manager_id", i)
              .put("asn", 65000 + i)
              .put(
                  "overlay_ipaddress",
                  new JsonObject()
                      .put("ip_address", octets[0] + "." + octets[1] + "." + octets[2] + "." + octets[3])
                      .put("octets", new JsonArray().add(octets[0]).add(octets[1]).add(octets[2]).add(octets[3]))));
    }
    return new JsonObject()
        .put("managers", managers)
        .put("overlay_subnet", overlay)
        .put("total_clients", 0)
        .put("overlay_max_clients", 250)
        .put("ipsec_max_subnets", 25)
        .put("ipsec_max_endpoints", 25)
        .put("clients", new JsonArray())
        .put("license_upgrades", new JsonArray());
  }
}
