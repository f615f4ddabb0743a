package dev.meshctl.engine.client;

import dev.meshctl.dsl.model.LicenseParameters;
import dev.meshctl.engine.desired.RouteIdentity;
import dev.meshctl.engine.live.ConfigState;
import dev.meshctl.engine.live.KeysetState;
import dev.meshctl.engine.live.LicenseState;
import dev.meshctl.engine.live.LiveRoute;
import dev.meshctl.engine.live.PeerLink;
import dev.meshctl.engine.live.PeeringState;
import dev.meshctl.dsl.model.PeeringSpec;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.JacksonCodec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The VNS3 wire format, in one place: request bodies from typed values, answers to the shared
 * live-state records. Pure functions; a body that does not fit throws {@link
 * WireFormatException} naming the field, which the client reports as a malformed response.
 * Field names are those of the vendor's OpenAPI document (6.0.0).
 */
public final class Vns3Wire {
  /**
   * Decodes by streaming straight into the JSON tree. {@code Json.decodeValue} goes through
   * Jackson's object mapper whenever jackson-databind is on the class path (the schema validator
   * brings it), which builds plain maps first; every read of a large mesh decodes whole tables.
   */
  private static final JacksonCodec JSON = new JacksonCodec();

  private Vns3Wire() {}

  // ---- answers ------------------------------------------------------------------------------

  /**
   * The payload of a successful answer: the value of {@code response}, or the whole body when a
   * controller leaves the wrapper out (some peering answers do).
   */
  static Object payload(Buffer body) {
    Object json;
    try {
      json = JSON.fromBuffer(body);
    } catch (DecodeException e) {
      // The decoder's own message quotes the body, which may hold a secret: say only what failed.
      throw new WireFormatException("body is not valid JSON (" + body.length() + " bytes)");
    }
    if (json instanceof JsonObject o && o.containsKey("response")) {
      return o.getValue("response");
    }
    if (json == null) {
      throw new WireFormatException("body is empty");
    }
    return json;
  }

  /**
   * The controller's message in an error answer ({@code {"error": {"message"}}}, or the {@code
   * response} wrapper some 403s use), or empty when the body is not such JSON (a proxy's HTML
   * page).
   */
  static String errorMessage(Buffer body) {
    try {
      Object json = JSON.fromBuffer(body);
      if (json instanceof JsonObject o) {
        for (String wrapper : List.of("error", "response")) {
          if (o.getValue(wrapper) instanceof JsonObject e && e.getValue("message") instanceof String m) {
            return m;
          }
        }
      }
    } catch (DecodeException e) {
      // Not JSON: fall through, the status alone must do.
    }
    return "";
  }

  /**
   * The configuration. {@code security_token} ("Security token in peered topology", OpenAPI
   * RuntimeConfig) is a secret: it is deliberately never read, so it cannot reach a record, a
   * message, a plan or a log.
   */
  static ConfigState config(Object payload) {
    JsonObject o = object(payload, "response");
    return new ConfigState(
        bool(o, "licensed", false),
        text(o, "private_ipaddress"),
        text(o, "public_ipaddress"),
        text(o, "topology_name"),
        text(o, "controller_name"),
        text(o, "topology_checksum"),
        integer(o, "manager_id").map(Long::intValue),
        text(o, "vns3_version"));
  }

  static KeysetState keyset(Object payload) {
    JsonObject o = object(payload, "response");
    return new KeysetState(
        bool(o, "keyset_present", false),
        bool(o, "in_progress", false),
        text(o, "checksum"),
        integer(o, "started_at_i"));
  }

  static LicenseState license(Object payload) {
    JsonObject o = object(payload, "response");
    boolean finalized = bool(o, "finalized", false);
    Optional<JsonObject> topology = optionalObject(o, "topology");
    Optional<Integer> capacity =
        topology.flatMap(t -> optionalArray(t, "topology.managers")).map(JsonArray::size);
    Optional<LicenseParameters> accepted = finalized ? Optional.of(parameters(o, topology)) : Optional.empty();
    return new LicenseState(bool(o, "license_present", true), finalized, capacity, accepted);
  }

  /** The accepted parameters as a license reports them, in the form the spec gives them. */
  private static LicenseParameters parameters(JsonObject license, Optional<JsonObject> topology) {
    if (!bool(license, "custom_addressing", false)) {
      return LicenseParameters.DEFAULT;
    }
    List<JsonObject> managers = new ArrayList<>();
    topology
        .flatMap(t -> optionalArray(t, "topology.managers"))
        .ifPresent(a -> a.forEach(m -> managers.add(object(m, "topology.managers[]"))));
    managers.sort(Comparator.comparingLong(m -> integer(m, "manager_id").orElse(0L)));
    List<String> managerIps = new ArrayList<>();
    List<String> asns = new ArrayList<>();
    for (JsonObject m : managers) {
      address(m.getValue("overlay_ipaddress"), "overlay_ipaddress").ifPresent(managerIps::add);
      integer(m, "asn").ifPresent(a -> asns.add(Long.toString(a)));
    }
    List<String> clients = new ArrayList<>();
    topology
        .flatMap(t -> optionalArray(t, "topology.clients"))
        .ifPresent(a -> a.forEach(c -> address(c, "topology.clients[]").ifPresent(clients::add)));
    return new LicenseParameters(
        false,
        topology.flatMap(t -> text(t, "overlay_subnet")),
        managerIps,
        asns.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", asns)),
        clients.isEmpty() ? Optional.empty() : Optional.of(String.join(",", clients)),
        text(license, "my_manager_vip"));
  }

  /** An address given as a string or as {@code {"ip_address": ..., "octets": [...]}}. */
  private static Optional<String> address(Object v, String field) {
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof String s) {
      return s.isBlank() ? Optional.empty() : Optional.of(s);
    }
    return text(object(v, field), "ip_address");
  }

  static PeeringState peering(Object payload) {
    JsonObject o = object(payload, "response");
    SortedMap<Integer, PeerLink> peers = new TreeMap<>();
    // The document's PeersDetail gives the same map under "managers" and "controllers"; a
    // controller that answered only the latter must not look unpeered (meshctl would post again).
    Optional<JsonObject> managers =
        optionalObject(o, "managers").or(() -> optionalObject(o, "controllers"));
    for (Map.Entry<String, Object> e : managers.orElseGet(JsonObject::new)) {
      JsonObject m = object(e.getValue(), "managers." + e.getKey());
      int id =
          integer(m, "id")
              .map(Long::intValue)
              .orElseGet(() -> parseInt(e.getKey(), "managers key \"" + e.getKey() + "\""));
      peers.put(
          id,
          new PeerLink(
              id,
              text(m, "address").orElse(""),
              bool(m, "reachable", false),
              integer(m, "mtu").map(Long::intValue).orElse(PeeringSpec.DEFAULT_MTU),
              bool(m, "self", false),
              bool(m, "not_set", false)));
    }
    Optional<Integer> self = integer(o, "id").map(Long::intValue).filter(id -> id > 0);
    return new PeeringState(self, peers);
  }

  /**
   * {@code GET /routes} (and every route write, which answers the whole table). The answer is a
   * map whose keys are positions in the table, not route ids: in the vendor SDK's recorded
   * answer ({@code tests/vns3/stub_data.py}, {@code RoutesResponse}) key "2" holds id 3 and key
   * "4" holds id 8, and the vendor's Go client deletes by the entry's {@code id}. So the id comes
   * from {@code id} only; a key is never used for anything but naming the entry in a message.
   */
  static List<LiveRoute> routes(Object payload) {
    List<LiveRoute> routes = new ArrayList<>();
    if (payload instanceof JsonArray a) {
      for (int i = 0; i < a.size(); i++) {
        routes.add(route("routes[" + i + "]", object(a.getValue(i), "routes[" + i + "]")));
      }
    } else {
      for (Map.Entry<String, Object> e : object(payload, "response")) {
        String where = "routes." + e.getKey();
        routes.add(route(where, object(e.getValue(), where)));
      }
    }
    routes.sort(Comparator.comparing(LiveRoute::cidr).thenComparing(LiveRoute::id));
    return List.copyOf(routes);
  }

  private static LiveRoute route(String where, JsonObject r) {
    long id = integer(r, "id").orElseThrow(() -> new WireFormatException(where + ".id is missing"));
    String cidr = text(r, "cidr").orElseThrow(() -> new WireFormatException(where + ".cidr is missing"));
    // A table may give a bare address with its mask in netmask: the route is address/netmask.
    if (!cidr.contains("/")) {
      String address = cidr.strip();
      cidr = text(r, "netmask").map(m -> address + "/" + m.strip()).orElse(cidr);
    }
    return new LiveRoute(
        Long.toString(id),
        cidr,
        text(r, "gateway"),
        text(r, "interface"),
        bool(r, "advertise", false),
        integer(r, "metric").map(Long::intValue).orElse(0),
        text(r, "description").orElse(""),
        bool(r, "enabled", true),
        bool(r, "editable", true));
  }

  /**
   * Every variable in {@code GET /system/variables}, which groups variables by collection
   * ({@code {"custom": [{"variable", "value"}]}}; the document names no collection), by the name
   * it is listed with. A variable without a value reads as "".
   */
  static java.util.Map<String, String> variables(Object payload) {
    JsonObject groups = object(payload, "response");
    java.util.Map<String, String> all = new java.util.TreeMap<>();
    for (String group : groups.fieldNames()) {
      Optional<JsonArray> list = optionalArray(groups, group);
      for (Object o : list.orElseGet(JsonArray::new)) {
        JsonObject v = object(o, group + "[]");
        Optional<String> name = text(v, "variable");
        if (name.isPresent()) {
          Object value = v.getValue("value");
          all.put(name.get(), value == null ? "" : value instanceof String s ? s : String.valueOf(value));
        }
      }
    }
    return all;
  }

  // ---- requests -----------------------------------------------------------------------------

  static JsonObject configRequest(Optional<String> topologyName, Optional<String> controllerName) {
    JsonObject o = new JsonObject();
    topologyName.ifPresent(n -> o.put("topology_name", n));
    controllerName.ifPresent(n -> o.put("controller_name", n));
    return o;
  }

  static JsonObject licenseParametersRequest(LicenseParameters p) {
    if (p.useDefault()) {
      return new JsonObject().put("default", true);
    }
    JsonObject o = new JsonObject().put("default", false);
    p.subnet().ifPresent(s -> o.put("subnet", s));
    if (!p.managers().isEmpty()) {
      o.put("managers", String.join(" ", p.managers()));
    }
    p.asns().ifPresent(s -> o.put("asns", s));
    p.clients().ifPresent(s -> o.put("clients", s));
    p.myManagerVip().ifPresent(s -> o.put("my_manager_vip", s));
    return o;
  }

  /**
   * A peer entry. A new one is sent {@code "force": true}: "finalize the peering" (OpenAPI
   * CreatePeerRequest, "Default is true"), sent explicitly as the SDK's {@code post_create_peer}
   * does, so no controller that defaults otherwise leaves the link unnegotiated. Under the
   * reading some simulators had, "overwrite an existing entry", it is still safe: meshctl posts
   * only a peer the controller does not list (re-read after an ambiguous failure).
   */
  static JsonObject peerRequest(OptionalInt id, String address, OptionalInt overlayMtu) {
    JsonObject o = new JsonObject();
    id.ifPresent(i -> o.put("id", i).put("force", true));
    o.put("name", address);
    // The OpenAPI document types overlay_mtu as a string.
    overlayMtu.ifPresent(m -> o.put("overlay_mtu", Integer.toString(m)));
    return o;
  }

  static JsonObject routeRequest(RouteRequest r) {
    JsonObject o = new JsonObject().put("cidr", r.cidr());
    r.description().ifPresent(d -> o.put("description", d));
    // The vendor SDK's post_create_route sends "_notset" for a missing gateway, and for a missing
    // interface when no tunnel is given (cohesivenet/api/vns3/routing_api.py); the OpenAPI
    // document asks for a tunnel or an interface. meshctl sends exactly what the SDK sends.
    o.put("interface", RouteIdentity.given(r.iface()).orElse(RouteIdentity.NOT_SET));
    o.put("gateway", RouteIdentity.given(r.gateway()).orElse(RouteIdentity.NOT_SET));
    o.put("advertise", r.advertise());
    o.put("metric", r.metric());
    return o;
  }

  // ---- typed field access ------------------------------------------------------------------

  private static JsonObject object(Object v, String field) {
    if (v instanceof JsonObject o) {
      return o;
    }
    if (v instanceof Map<?, ?> m) {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) m;
      return new JsonObject(map);
    }
    throw new WireFormatException(field + " is " + kind(v) + ", expected an object");
  }

  private static Optional<JsonObject> optionalObject(JsonObject o, String field) {
    Object v = o.getValue(field);
    return v == null ? Optional.empty() : Optional.of(object(v, field));
  }

  private static Optional<JsonArray> optionalArray(JsonObject o, String field) {
    Object v = o.getValue(field.substring(field.lastIndexOf('.') + 1));
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof JsonArray a) {
      return Optional.of(a);
    }
    throw new WireFormatException(field + " is " + kind(v) + ", expected an array");
  }

  private static Optional<String> text(JsonObject o, String field) {
    Object v = o.getValue(field);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof String s) {
      return s.isBlank() ? Optional.empty() : Optional.of(s);
    }
    if (v instanceof Number n) {
      return Optional.of(n.toString());
    }
    throw new WireFormatException(field + " is " + kind(v) + ", expected a string");
  }

  private static boolean bool(JsonObject o, String field, boolean absent) {
    Object v = o.getValue(field);
    if (v == null) {
      return absent;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    throw new WireFormatException(field + " is " + kind(v) + ", expected true or false");
  }

  /** A whole number, also when sent as a numeric string (the API does both, e.g. {@code mtu}). */
  private static Optional<Long> integer(JsonObject o, String field) {
    Object v = o.getValue(field);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return Optional.of(n.longValue());
    }
    if (v instanceof String s && s.strip().matches("-?\\d{1,18}")) {
      return Optional.of(Long.parseLong(s.strip()));
    }
    throw new WireFormatException(field + " is " + kind(v) + ", expected a whole number");
  }

  private static int parseInt(String s, String field) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new WireFormatException(field + " is not a number");
    }
  }

  private static String kind(Object v) {
    if (v == null) {
      return "missing";
    }
    if (v instanceof String) {
      return "a string";
    }
    if (v instanceof Number) {
      return "a number";
    }
    if (v instanceof Boolean) {
      return "a boolean";
    }
    if (v instanceof JsonArray) {
      return "an array";
    }
    return "an object";
  }
}
