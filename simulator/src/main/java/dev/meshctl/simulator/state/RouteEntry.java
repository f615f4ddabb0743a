package dev.meshctl.simulator.state;

import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * One route of a controller's table, as {@code GET /routes} shows it.
 *
 * @param gateway empty for advertisements and interface routes; then the wire form has no
 *     {@code gateway}, as in the SDK's recorded table ({@code tests/vns3/stub_data.py})
 * @param iface {@value #NOT_SET} for a route without an interface (an advertisement)
 * @param editable false for system and learned routes
 */
public record RouteEntry(
    int id,
    String cidr,
    Optional<String> gateway,
    String iface,
    boolean advertise,
    int metric,
    String description,
    boolean enabled,
    boolean editable,
    String table) {
  /** The vendor's word for "no interface" or "no gateway". */
  public static final String NOT_SET = "_notset";

  /** The multicast route every VNS3 controller has from the start. */
  public static RouteEntry multicast(int id) {
    return new RouteEntry(
        id, "224.0.0.0/4", Optional.empty(), "tun0", false, 0, "Multicast (auto-added)", true, false, "main");
  }

  public RouteEntry withEnabled(boolean on) {
    return new RouteEntry(id, cidr, gateway, iface, advertise, metric, description, on, editable, table);
  }

  public RouteEntry withId(int newId) {
    return new RouteEntry(newId, cidr, gateway, iface, advertise, metric, description, enabled, editable, table);
  }

  /** The wire form (RoutesList schema). */
  public JsonObject toJson() {
    JsonObject o =
        new JsonObject()
            .put("id", id)
            .put("cidr", cidr)
            .put("netmask", Cidrs.netmask(cidr))
            .put("interface", iface)
            .put("description", description)
            .put("advertise", advertise)
            .put("metric", metric)
            .put("enabled", enabled)
            .put("editable", editable)
            .put("table", table);
    gateway.ifPresent(g -> o.put("gateway", g));
    return o;
  }

  public static RouteEntry fromJson(JsonObject o) {
    return new RouteEntry(
        o.getInteger("id"),
        o.getString("cidr"),
        Optional.ofNullable(o.getString("gateway")),
        o.getString("interface", "eth0"),
        o.getBoolean("advertise", false),
        o.getInteger("metric", 0),
        o.getString("description", ""),
        o.getBoolean("enabled", true),
        o.getBoolean("editable", true),
        o.getString("table", "main"));
  }
}
