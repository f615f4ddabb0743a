package dev.meshctl.simulator.license;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The overlay addressing a license gives its controllers once its parameters are accepted: what
 * {@code GET /license} reports as {@code topology}, {@code GET /config} as {@code
 * overlay_ipaddress} and {@code asn}, and {@code GET /peering} per manager.
 *
 * <p>With custom parameters, manager {@code i} takes the {@code i}-th of the accepted {@code
 * managers} and {@code asns}; the SDK's recorded {@code LicenseDetail} and {@code
 * LicenseParamsResponse} (tests/vns3/stub_data.py) show exactly that pairing. Positions the
 * parameters leave out are this simulator's own choice: the highest addresses of the subnet below
 * the VIP, as in the recorded default topology (.253, .252, ...), and ASN 65000 + ID.
 *
 * @param managers one per controller the license allows, by manager ID
 * @param overlaySubnet the accepted subnet
 * @param clients the client addresses, ranges expanded
 * @param vip the accepted {@code my_manager_vip}, if any
 * @param custom whether custom parameters were accepted
 */
public record Topology(
    List<Manager> managers, String overlaySubnet, List<String> clients, Optional<String> vip, boolean custom) {
  /** The overlay subnet of the license's own (default) addressing. */
  public static final String DEFAULT_OVERLAY = "100.64.0.0/16";

  /** Ranges larger than this are not expanded (the simulator does not list a /8 of clients). */
  private static final long MAX_RANGE = 4096;

  /** One controller's place in the overlay. */
  public record Manager(int id, String address, long asn) {
    JsonObject toJson() {
      return new JsonObject()
          .put("manager_id", id)
          .put("overlay_ipaddress", addressJson(address))
          .put("asn", asn);
    }
  }

  public Topology {
    managers = List.copyOf(managers);
    clients = List.copyOf(clients);
  }

  /**
   * The topology of a license for {@code capacity} controllers with the accepted {@code
   * parameters} (as stored: {@code default}, {@code subnet}, {@code managers}, {@code asns},
   * {@code clients}, {@code my_manager_vip}); an empty object means the defaults.
   */
  public static Topology of(int capacity, JsonObject parameters) {
    boolean custom = !parameters.isEmpty() && !parameters.getBoolean("default", true);
    if (!custom) {
      List<Manager> managers = new ArrayList<>();
      for (int i = 1; i <= capacity; i++) {
        managers.add(new Manager(i, "100.64." + (i / 256) + "." + (i % 256), 65000L + i));
      }
      return new Topology(managers, DEFAULT_OVERLAY, List.of(), Optional.empty(), false);
    }
    String subnet = parameters.getString("subnet", DEFAULT_OVERLAY);
    JsonArray given = parameters.getJsonArray("managers", new JsonArray());
    JsonArray asns = parameters.getJsonArray("asns", new JsonArray());
    IPAddress block = new IPAddressString(subnet).getAddress().toPrefixBlock();
    List<Manager> managers = new ArrayList<>();
    for (int i = 1; i <= capacity; i++) {
      String address =
          i <= given.size()
              ? given.getString(i - 1)
              : block.getUpper().increment(-(i + 1)).withoutPrefixLength().toCanonicalString();
      long asn = i <= asns.size() ? asns.getLong(i - 1) : 65000L + i;
      managers.add(new Manager(i, address, asn));
    }
    List<String> clients = new ArrayList<>();
    for (Object c : parameters.getJsonArray("clients", new JsonArray())) {
      clients.addAll(expand(String.valueOf(c)));
    }
    return new Topology(managers, subnet, clients, Optional.ofNullable(parameters.getString("my_manager_vip")), true);
  }

  /** Manager {@code id}, if the license has it. */
  public Optional<Manager> manager(int id) {
    return id >= 1 && id <= managers.size() ? Optional.of(managers.get(id - 1)) : Optional.empty();
  }

  /** The {@code Topology} object of the OpenAPI document. */
  public JsonObject toJson() {
    JsonArray ms = new JsonArray();
    managers.forEach(m -> ms.add(m.toJson()));
    JsonArray cs = new JsonArray();
    clients.forEach(c -> cs.add(addressJson(c)));
    return new JsonObject()
        .put("managers", ms)
        .put("overlay_subnet", overlaySubnet)
        .put("total_clients", clients.size())
        .put("overlay_max_clients", 250)
        .put("ipsec_max_subnets", 25)
        .put("ipsec_max_endpoints", 25)
        .put("clients", cs)
        .put("license_upgrades", new JsonArray());
  }

  /** {@code {"ip_address": "172.31.1.253", "octets": [172, 31, 1, 253]}}, as recorded. */
  private static JsonObject addressJson(String ip) {
    JsonArray octets = new JsonArray();
    for (String part : ip.split("\\.")) {
      octets.add(Integer.parseInt(part));
    }
    return new JsonObject().put("ip_address", ip).put("octets", octets);
  }

  /** {@code 10.0.0.5} or a range {@code 10.0.0.5-10.0.0.9}, one address each. */
  private static List<String> expand(String item) {
    String s = item.strip();
    int dash = s.indexOf('-');
    if (dash < 0) {
      return List.of(s);
    }
    IPAddress from = new IPAddressString(s.substring(0, dash).strip()).getAddress();
    IPAddress to = new IPAddressString(s.substring(dash + 1).strip()).getAddress();
    if (from == null || to == null || !from.isIPv4() || !to.isIPv4()) {
      return List.of(s);
    }
    long a = from.getValue().longValue();
    long b = to.getValue().longValue();
    if (b < a || b - a >= MAX_RANGE) {
      return List.of(s);
    }
    List<String> out = new ArrayList<>();
    for (IPAddress x = from; ; x = x.increment(1)) {
      out.add(x.withoutPrefixLength().toCanonicalString());
      if (x.getValue().longValue() >= b) {
        return out;
      }
    }
  }
}
