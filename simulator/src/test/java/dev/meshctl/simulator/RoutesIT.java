package dev.meshctl.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.simulator.license.SimLicense;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
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

  @Test
  void systemRoutesArePresentAndNotEditable() {
    JsonObject table = api.get("/routes").await().response();
    assertEquals(1, table.size());
    JsonObject multicast = table.getJsonObject("1");
    assertEquals("224.0.0.0/4", multicast.getString("cidr"));
    assertEquals("tun0", multicast.getString("interface"));
    assertEquals("240.0.0.0", multicast.getString("netmask"));
    assertFalse(multicast.getBoolean("editable"));
    assertEquals("bad route id or route not found", api.delete("/routes/1").await().errorMessage());
    assertEquals("bad route id or route not found", api.put("/routes/1/disable", null).await().errorMessage());
  }

  @Test
  void createDuplicateToggleAndDelete() {
    JsonObject route = new JsonObject().put("cidr", "10.0.2.10/32").put("interface", "eth0").put("gateway", "10.0.1.1").put("description", "peer ctl2");
    JsonObject table = api.post("/routes", route).await().response();
    assertEquals(2, table.size());
    JsonObject created = table.getJsonObject("2");
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
    assertTrue(after.containsKey("3"));
    assertEquals("bad route id or route not found", api.delete("/routes/2").await().errorMessage());
    assertEquals("bad route id or route not found", api.delete("/routes/abc").await().errorMessage());
    assertEquals("Validation failed: cidr is invalid", api.post("/routes", new JsonObject().put("cidr", "nope")).await().errorMessage());
    assertEquals(400, api.post("/routes", new JsonObject()).await().status());
  }

  @Test
  void unknownPathsAre404() {
    Api.Reply r = api.get("/no/such/thing").await();
    assertEquals(404, r.status());
    assertEquals("APINotFoundError", r.json().getJsonObject("error").getString("name"));
  }
}
