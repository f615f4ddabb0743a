package dev.meshctl.simulator.state;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything a simulated controller remembers: what a real appliance keeps on its disk. Mutable,
 * and only ever touched on its simulator's event-loop context, so it needs no locking.
 *
 * <p>Secrets are kept as digests only (API password, keyset token). The license text is kept as
 * a real appliance keeps it; the state file is written mode 0600.
 */
public final class ControllerData {
  public String passwordSalt = "";
  public String passwordHash = "";
  public Optional<String> licenseText = Optional.empty();
  public Optional<Instant> licenseUploadedAt = Optional.empty();
  public boolean finalized;
  public JsonObject parameters = new JsonObject();
  public Optional<String> topologyName = Optional.empty();
  public Optional<String> controllerName = Optional.empty();
  public String ntpHosts = "0.pool.ntp.org 1.pool.ntp.org";
  public KeysetData keyset = KeysetData.NONE;
  public Optional<Integer> peerId = Optional.empty();
  public final TreeMap<Integer, PeerEntry> peers = new TreeMap<>();
  public final TreeMap<Integer, RouteEntry> routes = new TreeMap<>();
  public int nextRouteId = 1;
  public final TreeMap<String, String> variables = new TreeMap<>();
  /** Each custom variable's description (the document's {@code Variable}); "" when none was given. */
  public final TreeMap<String, String> variableDescriptions = new TreeMap<>();
  public Instant bootedAt = Instant.now();
  /** {@code PUT /admin_ui}: the recorded {@code UpdateUIAdminResponse} shows these defaults. */
  public boolean adminUiEnabled = true;
  public String adminUsername = "vnscubed";
  /**
   * A downloaded keyset brought a license that takes effect at the next boot: until then the
   * controller answers as unlicensed (the vendor SDK's {@code fetch_keyset_from_source} meets
   * 403 "Must be licensed first." from {@code GET /keyset} after "Keyset already exists." and then
   * waits for the reboot). Not persisted: a simulator restart is a boot.
   */
  public boolean licenseAppliesAtBoot;

  /** A factory-fresh controller with the given API password. */
  public static ControllerData fresh(String apiPassword) {
    ControllerData d = new ControllerData();
    d.setPassword(apiPassword);
    d.addRoute(RouteEntry.multicast(0));
    return d;
  }

  /** Adds a route with the next free ID and answers it. */
  public RouteEntry addRoute(RouteEntry r) {
    RouteEntry withId = r.withId(nextRouteId++);
    routes.put(withId.id(), withId);
    return withId;
  }

  public void setPassword(String password) {
    passwordSalt = java.util.UUID.randomUUID().toString();
    passwordHash = Digests.sha256(passwordSalt + ":" + password);
  }

  public boolean passwordMatches(String candidate) {
    return Digests.sha256(passwordSalt + ":" + candidate).equals(passwordHash);
  }

  public boolean licensePresent() {
    return licenseText.isPresent();
  }

  /** What a real controller means by "licensed": a license whose parameters were accepted. */
  public boolean licensed() {
    return licenseText.isPresent() && finalized && !licenseAppliesAtBoot;
  }

  public JsonObject toState() {
    JsonObject o =
        new JsonObject()
            .put("format", 1)
            .put("password_salt", passwordSalt)
            .put("password_sha256", passwordHash)
            .put("finalized", finalized)
            .put("parameters", parameters.copy())
            .put("ntp_hosts", ntpHosts)
            .put("keyset", keyset.toState())
            .put("next_route_id", nextRouteId)
            .put("admin_ui_enabled", adminUiEnabled)
            .put("admin_username", adminUsername);
    licenseText.ifPresent(t -> o.put("license", t));
    licenseUploadedAt.ifPresent(t -> o.put("license_uploaded_at", t.toString()));
    topologyName.ifPresent(t -> o.put("topology_name", t));
    controllerName.ifPresent(t -> o.put("controller_name", t));
    peerId.ifPresent(id -> o.put("peer_id", id));
    JsonArray ps = new JsonArray();
    peers.values().forEach(p -> ps.add(new JsonObject().put("id", p.id()).put("address", p.address()).put("mtu", p.mtu()).put("finalized", p.finalized())));
    o.put("peers", ps);
    JsonArray rs = new JsonArray();
    routes.values().forEach(r -> rs.add(r.toJson()));
    o.put("routes", rs);
    o.put("variables", new JsonObject(new TreeMap<String, Object>(variables)));
    o.put("variable_descriptions", new JsonObject(new TreeMap<String, Object>(variableDescriptions)));
    return o;
  }

  public static ControllerData fromState(JsonObject o) {
    ControllerData d = new ControllerData();
    d.passwordSalt = o.getString("password_salt", "");
    d.passwordHash = o.getString("password_sha256", "");
    d.licenseText = Optional.ofNullable(o.getString("license"));
    d.licenseUploadedAt = Optional.ofNullable(o.getString("license_uploaded_at")).map(Instant::parse);
    d.finalized = o.getBoolean("finalized", false);
    d.parameters = o.getJsonObject("parameters", new JsonObject());
    d.topologyName = Optional.ofNullable(o.getString("topology_name"));
    d.controllerName = Optional.ofNullable(o.getString("controller_name"));
    d.ntpHosts = o.getString("ntp_hosts", d.ntpHosts);
    d.adminUiEnabled = o.getBoolean("admin_ui_enabled", d.adminUiEnabled);
    d.adminUsername = o.getString("admin_username", d.adminUsername);
    d.keyset = KeysetData.fromState(o.getJsonObject("keyset"));
    d.peerId = Optional.ofNullable(o.getInteger("peer_id"));
    for (Object p : o.getJsonArray("peers", new JsonArray())) {
      JsonObject j = (JsonObject) p;
      d.peers.put(j.getInteger("id"), new PeerEntry(j.getInteger("id"), j.getString("address"), j.getInteger("mtu", PeerEntry.DEFAULT_MTU), j.getBoolean("finalized", true)));
    }
    for (Object r : o.getJsonArray("routes", new JsonArray())) {
      RouteEntry e = RouteEntry.fromJson((JsonObject) r);
      d.routes.put(e.id(), e);
    }
    d.nextRouteId = o.getInteger("next_route_id", d.routes.isEmpty() ? 1 : d.routes.lastKey() + 1);
    o.getJsonObject("variables", new JsonObject()).forEach(e -> d.variables.put(e.getKey(), String.valueOf(e.getValue())));
    o.getJsonObject("variable_descriptions", new JsonObject())
        .forEach(e -> d.variableDescriptions.put(e.getKey(), String.valueOf(e.getValue())));
    return d;
  }
}
