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
  /** Seconds between sar samples: the recorded rows are 600 apart (the document's say 597). */
  private static final int SAR_INTERVAL = 600;
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
    o.put("topology_checksum", topologyChecksum(d));
    d.peerId.ifPresent(id -> o.put("manager_id", id));
    // "This managers overlay IP in peered topology", its ASN and the topology's security token
    // (RuntimeConfig in the OpenAPI document) exist once the controller has its place.
    Optional<Topology.Manager> self = d.peerId.flatMap(id -> Guards.topology(d).flatMap(t -> t.manager(id)));
    self.ifPresent(m -> o.put("asn", m.asn()).put("overlay_ipaddress", m.address()));
    d.keyset.checksum().filter(c -> d.peerId.isPresent()).ifPresent(c -> o.put("security_token", Digests.sha1("security-token:" + c)));
    return o;
  }

  /**
   * The recorded config of an unlicensed controller has a {@code topology_checksum}, and in both
   * sources (the SDK's {@code ConfigDetail} with its {@code KeysetDetail}, the document's {@code
   * GET /config} with its {@code GET /keyset} example) it differs from the keyset checksum. What
   * it digests is not documented; the simulator digests the topology name and the keyset
   * checksum, so it is there from the start, stays put while neither changes, and is shared by
   * the controllers of one topology.
   */
  static String topologyChecksum(ControllerData d) {
    return Digests.sha1("topology:" + d.topologyName.orElse("") + ":" + d.keyset.checksum().orElse(""));
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

  /**
   * SystemStatus in the form of the SDK's recorded {@code SystemStatus} (VNS3 4.9.0): {@code
   * vns3_version} with the product name in front, {@code loadavg} as {@code /proc/loadavg}'s five
   * fields, {@code meminfo} and {@code swapinfo} in bytes, {@code diskinfo} rows of device, size,
   * used, available, use%, mount point and inode use%, {@code data.sysstat} as sar's rows (host,
   * interval, sample time, CPU, metric, value) for the last ten-minute sample, and the container
   * system. The simulator is idle: fixed low load, no containers or images.
   */
  private static JsonObject systemStatus(Appliance a) {
    Instant now = a.now();
    long uptime = Duration.between(a.data().bootedAt, now).toSeconds();
    return new JsonObject()
        .put("data", new JsonObject().put("sysstat", sysstat(now)))
        .put("timestamp", Timestamps.system(now))
        .put("timestamp_i", now.getEpochSecond())
        .put("vns3_version", "Cohesive Networks VNS3 " + VNS3_VERSION)
        .put("kernel_version", "Linux simulated")
        .put("uptime", uptime)
        .put("loadavg", new JsonArray().add("0.01").add("0.02").add("0.00").add("1/128").add("4242"))
        .put("diskinfo", new JsonArray().add(new JsonArray()
            .add("/dev/sda1").add("21474836480").add("4294967296").add("17179869184").add("20%").add("/").add("5%")))
        .put("meminfo", new JsonArray().add("2097152000").add("1048576000").add("1048576000").add("1048576")
            .add("104857600").add("524288000").add("262144000").add("1572864000"))
        .put("swapinfo", new JsonArray().add("0").add("0").add("0"))
        .put("container_system", containerSystem());
  }

  /** Sar's CPU rows, as recorded: every CPU figure for "all" and "cpu0", sampled every 600 s. */
  private static JsonArray sysstat(Instant now) {
    String sampled = Long.toString(now.getEpochSecond() / SAR_INTERVAL * SAR_INTERVAL);
    JsonArray rows = new JsonArray();
    for (String cpu : new String[] {"all", "cpu0"}) {
      String[][] figures = {{"%user", "0.52"}, {"%nice", "0.00"}, {"%system", "0.31"}, {"%iowait", "0.02"}, {"%steal", "0.00"}};
      for (String[] f : figures) {
        rows.add(new JsonArray().add("vnscubed").add(Integer.toString(SAR_INTERVAL)).add(sampled).add(cpu).add(f[0]).add(f[1]));
      }
    }
    return rows;
  }

  /**
   * ContainerSystem: running and empty. The limits are the recorded ones; the network is the
   * document's {@code GET /container_system} example, not the recorded 198.51.100.0/28, which
   * would hold the simulated controllers' own public addresses.
   */
  private static JsonObject containerSystem() {
    return new JsonObject()
        .put("container_system_running", true)
        .put("images_limit", 50)
        .put("images_stored", 0)
        .put("containers_limit", 4)
        .put("containers_active", 0)
        .put("container_network", "172.0.20.0/28");
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
