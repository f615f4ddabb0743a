package dev.meshctl.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.simulator.license.SimLicense;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class LicenseFlowIT {
  Simulator sim;
  Api api;

  @BeforeEach
  void start(Vertx vertx) {
    // A reboot delay long enough to observe the API still answering right after the PUT, even on
    // a loaded machine.
    sim = Simulator.start(vertx, Flows.config(1).withTimings(SimTimings.FAST.withReboot(Duration.ofMillis(1500), Duration.ofMillis(300)))).await();
    api = new Api(vertx, sim.controller("ctl1"));
  }

  @AfterEach
  void stop() {
    sim.close().await();
  }

  @Test
  void unlicensedControllerRefusesMostCalls() {
    for (String path : new String[] {"/license", "/keyset", "/peering", "/routes"}) {
      Api.Reply r = api.get(path).await();
      assertEquals(403, r.status(), path);
      assertEquals("PrerequisiteError", r.json().getJsonObject("error").getString("name"));
    }
    assertEquals("Must be licensed first.", api.get("/routes").await().errorMessage());
    assertEquals(403, api.put("/keyset", new JsonObject().put("token", "t")).await().status());
    assertEquals(403, api.put("/config", new JsonObject().put("topology_name", "x")).await().status());
    assertEquals(200, api.get("/status/system").await().status());
    assertEquals(200, api.get("/system/variables").await().status());
  }

  @Test
  void anyOtherLicenseTextIsBadLicense() {
    Api.Reply r = api.putText("/license", "-----BEGIN LICENSE-----\nmine\n-----END LICENSE-----").await();
    assertEquals(400, r.status());
    assertEquals("Bad license", r.errorMessage());
    String tampered = SimLicense.issue(4).text().replace("controllers: 4", "controllers: 40");
    assertEquals("Bad license", api.putText("/license", tampered).await().errorMessage());
  }

  @Test
  void licenseThenParametersThenRebootWindow(Vertx vertx) {
    SimLicense license = SimLicense.issue(4);
    Api.Reply up = api.putText("/license", license.text()).await();
    assertEquals(200, up.status());
    assertFalse(up.response().getBoolean("finalized"));
    assertEquals(4, up.response().getJsonObject("default_topology").getJsonArray("managers").size());
    JsonObject before = api.get("/license").await().response();
    assertFalse(before.getBoolean("finalized"));
    assertFalse(api.get("/config").await().response().getBoolean("licensed"));
    assertEquals("Controller is already licensed", api.putText("/license", license.text()).await().errorMessage());

    JsonObject params = new JsonObject().put("subnet", "100.127.255.192/26").put("managers", "100.127.255.193 100.127.255.194").put("asns", "65001 65002");
    Api.Reply accepted = api.put("/license/parameters", params).await();
    assertEquals(200, accepted.status());
    assertTrue(accepted.response().getBoolean("finalized"));
    // The API keeps answering a moment, then refuses connections while rebooting, then answers.
    assertEquals(200, api.get("/config").await().status());
    assertEquals(-1, api.until(vertx, "/config", r -> r.status() == -1, Duration.ofSeconds(5)).await().status());
    assertEquals(ControllerStatus.REBOOTING, sim.controller("ctl1").status());
    api.until(vertx, "/config", r -> r.status() == 200, Duration.ofSeconds(5)).await();
    assertTrue(api.get("/config").await().response().getBoolean("licensed"));
    JsonObject after = api.get("/license").await().response();
    assertTrue(after.getBoolean("finalized"));
    assertTrue(after.getBoolean("custom_addressing"));
    assertEquals(4, after.getJsonObject("topology").getJsonArray("managers").size());
    assertEquals("100.127.255.192/26", after.getJsonObject("parameters").getString("subnet"));
    assertEquals(65002L, after.getJsonObject("parameters").getJsonArray("asns").getLong(1));
    assertEquals("License parameters already accepted",
        api.put("/license/parameters", new JsonObject().put("default", true)).await().errorMessage());
  }

  @Test
  void badParametersAreRejected() {
    api.putText("/license", SimLicense.issue(2).text()).await();
    assertEquals("invalid asns field",
        api.put("/license/parameters", new JsonObject().put("subnet", "10.9.0.0/24").put("asns", "x")).await().errorMessage());
    assertEquals("invalid subnet field",
        api.put("/license/parameters", new JsonObject().put("subnet", "nope")).await().errorMessage());
  }
}
