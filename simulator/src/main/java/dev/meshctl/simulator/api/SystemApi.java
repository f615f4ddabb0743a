package dev.meshctl.simulator.api;

import static dev.meshctl.simulator.api.Replies.guard;

import dev.meshctl.simulator.state.Cidrs;
import dev.meshctl.simulator.license.Topology;
import dev.meshctl.simulator.state.ControllerData;
import dev.meshctl.simulator.state.Digests;
import dev.meshctl.simulator.state.Timestamps;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code /config}, {@code /admin_ui}, {@code /api_password}, {@code /status}, {@code
 * /status/system}, {@code /server}, {@code /cloud_data}.
 *
 * <p>{@code PUT /config} works before the license: the SDK's {@code config.setup_controller}, the
 * Go client's {@code SetupController} and the Terraform provider's {@code vns3_config} all name a
 * fresh controller before they upload its license. {@code GET /status} and {@code GET
 * /status/system} list 403 "Must be licensed first." in the OpenAPI document.
 */
final class SystemApi {
  static final String VNS3_VERSION = "6.0.0-sim";
  private static final String HOST_PATTERN =
      "([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*";

  private SystemApi() {}

  static void mount(Router r, Appliance a) {
    r.get("/api/config").handler(guard(ctx -> Replies.ok(ctx, config(a))));
    r.put("/api/config").handler(guard(ctx -> {
      ControllerData d = a.data();
      JsonObject body = Replies.body(ctx);
      Optional<String> topology = Replies.string(body, "topology_name");
      Optional<String> name = Replies.string(body, "controller_name");
      Optional<String> ntp = Replies.string(body, "ntp_hosts");
      if (ntp.isPresent() && !ntp.get().isBlank()) {
        for (String h : ntp.get().strip().split("\\s+")) {
          if (!h.matches(HOST_PATTERN)) {
            throw ApiError.badRequest(
                "ntp_hosts is not in proper domain name format or ipv4 address format. Update abandoned.");
          }
        }
      }
      topology.ifPresent(t -> d.topologyName = Optional.of(t));
      name.ifPresent(n -> d.controllerName = Optional.of(n));
      ntp.ifPresent(n -> d.ntpHosts = n.strip());
      a.changed();
      Replies.ok(ctx, config(a));
    }));
    r.put("/api/api_password").handler(guard(ctx -> {
      String password = Replies.string(Replies.body(ctx), "password").orElse("");
      if (password.isEmpty() || password.contains(":") || password.length() > 128) {
        throw ApiError.badRequest("Invalid password");
      }
      a.data().setPassword(password);
      a.changed();
      Replies.ok(ctx, new JsonObject().put("password_reset", "ok"));
    }));
    r.put("/api/admin_ui").handler(guard(ctx -> {
      ControllerData d = a.data();
      JsonObject body = Replies.body(ctx);
      Optional<String> username = Replies.string(body, "admin_username");
      if (username.isPresent() && !username.get().matches("[A-Za-z0-9_.@-]{1,64}")) {
        throw ApiError.badRequest("admin_username is invalid");
      }
      // The UI password is taken and forgotten: the simulator has no web UI to log in to.
      username.ifPresent(u -> d.adminUsername = u);
      d.adminUiEnabled = Replies.bool(body, "enabled", d.adminUiEnabled);
      a.changed();
      Replies.ok(ctx, new JsonObject().put("enabled", d.adminUiEnabled).put("username", d.adminUsername));
    }));
    r.get("/api/status").handler(guard(ctx -> {
      Guards.licensed(a.data());
      Replies.ok(ctx, runtimeStatus(a));
    }));
    r.get("/api/status/system").handler(guard(ctx -> {
      Guards.licensed(a.data());
      Replies.ok(ctx, systemStatus(a));
    }));
    r.put("/api/server").handler(guard(ctx -> {
      if (!Replies.bool(Replies.body(ctx), "reboot", false)) {
        throw ApiError.badRequest("Nothing to do");
      }
      a.rebootSoon();
      Replies.ok(ctx, new JsonObject().put("status", "rebooting"));
    }));
    r.get("/api/cloud_data").handler(guard(ctx -> Replies.ok(ctx, cloudData(a))));
  }

  static JsonObject config(Appliance a) {
    ControllerData d = a.data();
    JsonObject o =
        new JsonObject()
            .put("vns3_version", VNS3_VERSION)
            .put("licensed", d.licensed())
            .put("private_ipaddress", a.config().privateIp())
            .put("public_ipaddress", a.config().publicIp())
            .put("subnet_gateway", Cidrs.firstHost(a.config().subnet()))
            .put("ntp_hosts", d.ntpHosts)
            .put("peered", d.peerId.isPresent());
    d.topologyName.ifPresent(t -> o.put("topology_name", t));
    d.controllerName.ifPresent(n -> o.put("controller_name", n));
    d.keyset.checksum().ifPresent(c -> o.put("topology_checksum", c));
    d.peerId.ifPresent(id -> o.put("manager_id", id));
    // "This managers overlay IP in peered topology", its ASN and the topology's security token
    // (RuntimeConfig in the OpenAPI document) exist once the controller has its place.
    Optional<Topology.Manager> self = d.peerId.flatMap(id -> Guards.topology(d).flatMap(t -> t.manager(id)));
    self.ifPresent(m -> o.put("asn", m.asn()).put("overlay_ipaddress", m.address()));
    d.keyset.checksum().filter(c -> d.peerId.isPresent()).ifPresent(c -> o.put("security_token", Digests.sha1("security-token:" + c)));
    return o;
  }

  /**
   * RuntimeStatus: the simulator has no IPsec tunnels and no overlay clients; the connected
   * subnet is the controller's own, as in the SDK's recorded {@code VNS3Status}.
   */
  private static JsonObject runtimeStatus(Appliance a) {
    String subnet = Cidrs.parse(a.config().subnet()).orElse(a.config().subnet());
    String network = subnet.substring(0, subnet.indexOf('/'));
    return new JsonObject()
        .put("connected_clients", new JsonObject())
        .put("connected_subnets", new JsonArray().add(new JsonArray().add(network).add(Cidrs.netmask(subnet))))
        .put("ipsec", new JsonObject());
  }

  private static JsonObject systemStatus(Appliance a) {
    Instant now = a.now();
    long uptime = Duration.between(a.data().bootedAt, now).toSeconds();
    return new JsonObject()
        .put("timestamp", Timestamps.system(now))
        .put("timestamp_i", now.getEpochSecond())
        .put("vns3_version", VNS3_VERSION)
        .put("kernel_version", "simulated")
        .put("uptime", uptime)
        .put("loadavg", new JsonArray().add("0.01").add("0.02").add("0.00"))
        .put("meminfo", new JsonArray().add("2048000").add("1024000"))
        .put("swapinfo", new JsonArray().add("0").add("0"))
        .put("diskinfo", new JsonArray().add(new JsonArray().add("/").add("20G").add("4G").add("16G").add("20%")));
  }

  private static JsonObject cloudData(Appliance a) {
    return new JsonObject()
        .put("cloud_type", "ec2")
        .put(
            "cloud_data",
            new JsonObject()
                .put("instanceId", "i-sim" + Integer.toHexString(a.config().name().hashCode()))
                .put("instanceType", "t3.small")
                .put("privateIp", a.config().privateIp())
                .put("region", "sim-local-1")
                .put("availabilityZone", "sim-local-1a")
                .put("architecture", "x86_64")
                .put("accountId", "000000000000")
                .put("imageId", "ami-simulated"));
  }
}
