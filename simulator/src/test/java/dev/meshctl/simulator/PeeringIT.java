package dev.meshctl.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.simulator.license.SimLicense;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class PeeringIT {
  Simulator sim;
  final List<Api> apis = new ArrayList<>();

  @BeforeEach
  void start(Vertx vertx) {
    sim = Simulator.start(vertx, Flows.config(3)).await();
    SimLicense license = SimLicense.issue(3);
    for (SimulatedController c : sim.controllers()) {
      apis.add(new Api(vertx, c));
    }
    Flows.seed(vertx, apis.get(0), 1, license, "tok", null).await();
    Flows.seed(vertx, apis.get(1), 2, license, "tok", "10.0.1.10").await();
    Flows.seed(vertx, apis.get(2), 3, license, "tok", "10.0.1.10").await();
  }

  @AfterEach
  void stop() {
    sim.close().await();
  }

  private JsonObject peer(int controller, int id) {
    return apis.get(controller - 1).get("/peering").await().response().getJsonObject("managers").getJsonObject(Integer.toString(id));
  }

  @Test
  void aPeerIdNeedsAKeyset(Vertx vertx) {
    Simulator other = Simulator.start(vertx, Flows.config(1)).await();
    try {
      Api a = new Api(vertx, other.controller("ctl1"));
      Flows.license(vertx, a, SimLicense.issue(2)).await();
      Api.Reply r = a.put("/peering/self", new JsonObject().put("id", 1)).await();
      assertEquals(403, r.status());
      assertEquals("Keyset is missing", r.errorMessage());
    } finally {
      other.close().await();
    }
  }

  @Test
  void peerIdsAreBoundedByTheLicense() {
    Api a = apis.get(0);
    assertEquals("id is invalid", a.put("/peering/self", new JsonObject().put("id", 4)).await().errorMessage());
    assertEquals("id is invalid", a.put("/peering/self", new JsonObject().put("id", 0)).await().errorMessage());
    assertEquals("4 is an invalid controller id", a.post("/peering/peers", new JsonObject().put("id", 4).put("name", "10.0.2.10")).await().errorMessage());
    assertEquals("1 is an invalid controller id", a.post("/peering/peers", new JsonObject().put("id", 1).put("name", "10.0.2.10")).await().errorMessage());
    assertEquals("2 is invalid as controller id.", a.delete("/peering/peers/2").await().errorMessage());
    JsonObject view = a.get("/peering").await().response();
    assertEquals(1, view.getInteger("id"));
    assertTrue(view.getBoolean("peered"));
    assertTrue(view.getJsonObject("managers").getJsonObject("1").getBoolean("self"));
    assertTrue(view.getJsonObject("managers").getJsonObject("3").getBoolean("not_set"));
  }

  @Test
  void aLinkIsReachableOnlyWhenBothSidesAddedEachOther() {
    Api a = apis.get(0);
    Api b = apis.get(1);
    assertEquals(200, a.post("/peering/peers", new JsonObject().put("id", 2).put("name", "10.0.2.10")).await().status());
    JsonObject oneSided = peer(1, 2);
    assertEquals("10.0.2.10", oneSided.getString("address"));
    assertEquals("1500", oneSided.getString("mtu"));
    assertFalse(oneSided.getBoolean("reachable"));
    b.post("/peering/peers", new JsonObject().put("id", 1).put("name", "198.51.100.1").put("overlay_mtu", 1400)).await();
    assertTrue(peer(1, 2).getBoolean("reachable"));
    assertTrue(peer(2, 1).getBoolean("reachable"));
    assertEquals("1400", peer(2, 1).getString("mtu"));
    // The other side stops answering: the link goes down.
    sim.controller("ctl2").down().await();
    assertFalse(peer(1, 2).getBoolean("reachable"));
    sim.controller("ctl2").up().await();
    assertTrue(peer(1, 2).getBoolean("reachable"));
    // A wrong address on one side: down.
    b.put("/peering/peers/1", new JsonObject().put("name", "10.0.3.10")).await();
    assertFalse(peer(1, 2).getBoolean("reachable"));
    b.delete("/peering/peers/1").await();
    assertTrue(peer(2, 1).getBoolean("not_set"));
  }

  @Test
  void forceFalseLeavesThePeeringUnfinalizedUntilAReconfigure() {
    Api a = apis.get(0);
    Api b = apis.get(1);
    // force is "finalize", default true (OpenAPI CreatePeerRequest): absent means finalized.
    assertEquals(200, b.post("/peering/peers", new JsonObject().put("id", 1).put("name", "10.0.1.10")).await().status());
    assertEquals(200, a.post("/peering/peers", new JsonObject().put("id", 2).put("name", "10.0.2.10").put("force", false)).await().status());
    assertEquals("10.0.2.10", peer(1, 2).getString("address"));
    assertFalse(peer(1, 2).getBoolean("reachable"));
    assertFalse(peer(2, 1).getBoolean("reachable"));
    // force does not mean "overwrite": a second POST for the same ID is refused either way.
    assertEquals(400, a.post("/peering/peers", new JsonObject().put("id", 2).put("name", "10.0.2.10").put("force", true)).await().status());
    assertFalse(peer(1, 2).getBoolean("reachable"));
    // The "reconfigure" call finalizes it.
    assertEquals(200, a.put("/peering/peers/2", new JsonObject().put("name", "10.0.2.10")).await().status());
    assertTrue(peer(1, 2).getBoolean("reachable"));
    assertTrue(peer(2, 1).getBoolean("reachable"));
  }

  @Test
  void everyManagerShowsItsOverlayAddress() {
    JsonObject managers = apis.get(0).get("/peering").await().response().getJsonObject("managers");
    // The license's default topology: manager i at 100.64.0.i, as GET /license reports it.
    assertEquals("100.64.0.1", managers.getJsonObject("1").getString("overlay_ipaddress"));
    assertEquals("100.64.0.3", managers.getJsonObject("3").getString("overlay_ipaddress"));
    JsonObject config = apis.get(1).get("/config").await().response();
    assertEquals("100.64.0.2", config.getString("overlay_ipaddress"));
    assertEquals(65002L, config.getLong("asn"));
    assertTrue(config.getString("security_token").matches("[0-9a-f]{40}"));
  }

  @Test
  void advertisedRoutesAreLearnedOverConnectedLinksTransitively() {
    // A chain 1 - 2 - 3: controller 1 learns 3's subnet through 2.
    apis.get(0).post("/peering/peers", new JsonObject().put("id", 2).put("name", "10.0.2.10")).await();
    apis.get(1).post("/peering/peers", new JsonObject().put("id", 1).put("name", "10.0.1.10")).await();
    apis.get(1).post("/peering/peers", new JsonObject().put("id", 3).put("name", "10.0.3.10")).await();
    apis.get(2).post("/peering/peers", new JsonObject().put("id", 2).put("name", "10.0.2.10")).await();
    apis.get(2).post("/routes", new JsonObject().put("cidr", "10.0.3.0/24").put("interface", "_notset").put("advertise", true).put("description", "ctl3 subnet")).await();
    apis.get(1).post("/routes", new JsonObject().put("cidr", "10.0.2.0/24").put("interface", "_notset").put("advertise", true)).await();
    assertEquals(Set.of("10.0.2.0/24", "10.0.3.0/24"), learned(0));
    assertEquals(Set.of("10.0.2.0/24"), learned(2));
    // The middle controller goes down: nothing is learned any more.
    sim.controller("ctl2").down().await();
    assertEquals(Set.of(), learned(0));
  }

  private Set<String> learned(int index) {
    JsonObject table = apis.get(index).get("/routes").await().response();
    Set<String> out = new TreeSet<>();
    for (String id : table.fieldNames()) {
      JsonObject r = table.getJsonObject(id);
      if (r.getString("description").startsWith("learned from")) {
        assertFalse(r.getBoolean("editable"));
        out.add(r.getString("cidr"));
      }
    }
    return out;
  }
}
