package dev.meshctl.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.simulator.license.SimLicense;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class RoutesIT {
  Simulator sim;
  Api api;

  @BeforeEach
  void start(Vertx vertx) {
    sim = Simulator.start(vertx, Flows.config(1)).await();
    api = new Api(vertx, sim.controller("ctl1"));
    // Licensing itself is LicenseFlowIT's subject: preset it here.
    sim.controller("ctl1").presetLicensed(SimLicense.issue(2).text(), "tok", java.util.OptionalInt.of(1)).await();
  }

  @AfterEach
  void stop() {
    sim.close().await();
  }

  /** The fields of a route entry in the SDK's recorded table (tests/vns3/stub_data.py, RoutesResponse). */
  private static final Set<String> RECORDED_FIELDS =
      Set.of("cidr", "id", "netmask", "interface", "enabled", "description", "advertise", "metric");

  /**
   * What the simulator adds to them: {@code editable} (the vendor's Go client reads it on every
   * route, cohesivenet/v1/routes.go) and {@code table} (OpenAPI Route schema, Go client); and
   * {@code gateway} only when a route has one.
   */
  private static final Set<String> ADDED_FIELDS = Set.of("editable", "table");

  @Test
  void systemRoutesArePresentAndNotEditable() {
    JsonObject table = api.get("/routes").await().response();
    assertEquals(1, table.size());
    JsonObject multicast = table.getJsonObject("1");
    // The recorded multicast route, field for field, plus the fields newer controllers add.
    assertEquals(
        new JsonObject()
            .put("cidr", "224.0.0.0/4").put("id", 1).put("netmask", "240.0.0.0").put("interface", "tun0")
            .put("enabled", true).put("description", "Multicast (auto-added)").put("advertise", false)
            .put("metric", 0).put("editable", false).put("table", "main"),
        multicast);
    assertEquals("bad route id or route not found", api.delete("/routes/1").await().errorMessage());
    assertEquals("bad route id or route not found", api.put("/routes/1/disable", null).await().errorMessage());
  }

  @Test
  void createDuplicateToggleAndDelete() {
    JsonObject route = new JsonObject().put("cidr", "10.0.2.10/32").put("interface", "eth0").put("gateway", "10.0.1.1").put("description", "peer ctl2");
    JsonObject table = api.post("/routes", route).await().response();
    assertEquals(2, table.size());
    JsonObject created = table.getJsonObject("2");
    assertEquals(2, created.getInteger("id"));
    assertEquals("10.0.2.10/32", created.getString("cidr"));
    assertEquals("10.0.1.1", created.getString("gateway"));
    assertEquals("255.255.255.255", created.getString("netmask"));
    assertTrue(created.getBoolean("editable"));
    // No idempotency: the same route twice is two routes.
    assertEquals(3, api.post("/routes", route).await().response().size());
    assertFalse(api.put("/routes/2/disable", null).await().response().getBoolean("enabled"));
    assertTrue(api.put("/routes/2/enable", null).await().response().getBoolean("enabled"));
    JsonObject after = api.delete("/routes/2").await().response();
    assertEquals(2, after.size());
    assertEquals(3, after.getJsonObject("2").getInteger("id"));
    assertEquals("bad route id or route not found", api.delete("/routes/2").await().errorMessage());
    assertEquals("bad route id or route not found", api.delete("/routes/abc").await().errorMessage());
    assertEquals("Validation failed: cidr is invalid", api.post("/routes", new JsonObject().put("cidr", "nope")).await().errorMessage());
    assertEquals(400, api.post("/routes", new JsonObject()).await().status());
  }

  /**
   * Keys are positions, ids are never reused: once a route is deleted the two part ways, as in
   * the recorded table (key "2" holds id 3). A client that deletes by key hits the wrong route.
   */
  @Test
  void keysArePositionsAndIdsStayWithTheirRoutes() {
    for (String cidr : List.of("10.0.2.10/32", "10.0.3.10/32", "10.0.4.10/32")) {
      api.post("/routes", peerRoute(cidr)).await();
    }
    JsonObject table = api.delete("/routes/2").await().response();
    assertEquals(List.of("1", "2", "3"), List.copyOf(table.fieldNames()));
    assertEquals(3, table.getJsonObject("2").getInteger("id"));
    assertEquals("10.0.3.10/32", table.getJsonObject("2").getString("cidr"));
    assertEquals(4, table.getJsonObject("3").getInteger("id"));
    table = api.post("/routes", peerRoute("10.0.5.10/32")).await().response();
    assertEquals(5, table.getJsonObject("4").getInteger("id"), "a new route takes a new id, not a freed one");
    // DELETE takes an id: /routes/4 removes 10.0.4.10/32 (id 4, at key "3"), not the route at key "4".
    JsonObject last = api.delete("/routes/4").await().response();
    assertEquals(List.of("1", "2", "3"), List.copyOf(last.fieldNames()));
    assertEquals(
        List.of("224.0.0.0/4", "10.0.3.10/32", "10.0.5.10/32"),
        last.fieldNames().stream().map(k -> last.getJsonObject(k).getString("cidr")).toList());
    assertEquals(List.of(1, 3, 5), last.fieldNames().stream().map(k -> last.getJsonObject(k).getInteger("id")).toList());
  }

  /**
   * The vendor SDK posts "_notset" for no gateway and no interface (routing_api.py,
   * post_create_route); real tables report such an advertisement with "interface": "_notset"
   * and no gateway (stub_data.py, RoutesResponse key "4").
   */
  @Test
  void notsetMeansNoneAndIsReportedAsRecorded() {
    JsonObject sdkAdvertisement = new JsonObject().put("cidr", "10.0.1.0/24").put("description", "Local subnet advertisement")
        .put("advertise", true).put("gateway", "_notset").put("interface", "_notset");
    JsonObject adv = api.post("/routes", sdkAdvertisement).await().response().getJsonObject("2");
    assertEquals("_notset", adv.getString("interface"));
    assertFalse(adv.containsKey("gateway"));
    assertTrue(adv.getBoolean("advertise"));
    assertEquals("255.255.255.0", adv.getString("netmask"));
    Set<String> expected = new TreeSet<>(RECORDED_FIELDS);
    expected.addAll(ADDED_FIELDS);
    assertEquals(expected, new TreeSet<>(adv.fieldNames()));
    // An empty gateway is "none" too (the SDK's create_route_advertisements sends "").
    JsonObject other = api.post("/routes", sdkAdvertisement.copy().put("cidr", "10.0.9.0/24").put("gateway", "")).await()
        .response().getJsonObject("3");
    assertFalse(other.containsKey("gateway"));
    // A peer route has the recorded fields and its gateway.
    JsonObject peer = api.post("/routes", peerRoute("10.0.2.10/32")).await().response().getJsonObject("4");
    expected.add("gateway");
    assertEquals(expected, new TreeSet<>(peer.fieldNames()));
  }

  /**
   * The OpenAPI document asks for a tunnel or an interface (CreateRouteRequest.tunnel), and the
   * SDK sends "_notset" exactly when neither is given. The simulator reads that as: a route with
   * neither is refused, and, having no GRE tunnels, any tunnel is a bad tunnel ID.
   */
  @Test
  void aRouteWithNeitherInterfaceNorTunnelIsRefused() {
    Api.Reply r = api.post("/routes", new JsonObject().put("cidr", "10.0.1.0/24").put("advertise", true)).await();
    assertEquals(400, r.status());
    assertEquals("APIArgumentError", r.json().getJsonObject("error").getString("name"));
    Api.Reply tunnel = api.post("/routes", new JsonObject().put("cidr", "10.0.1.0/24").put("tunnel", 1)).await();
    assertEquals("Validation failed: Ipsec tunnel bad tunnel ID", tunnel.errorMessage());
    assertEquals(400, api.post("/routes", new JsonObject().put("cidr", "10.0.1.0/24").put("interface", " ")).await().status());
    assertEquals(1, api.get("/routes").await().response().size(), "nothing was added");
  }

  private static JsonObject peerRoute(String cidr) {
    return new JsonObject().put("cidr", cidr).put("interface", "eth0").put("gateway", "10.0.1.1").put("advertise", false);
  }

  @Test
  void unknownPathsAre404() {
    Api.Reply r = api.get("/no/such/thing").await();
    assertEquals(404, r.status());
    assertEquals("APINotFoundError", r.json().getJsonObject("error").getString("name"));
  }
}
