package dev.meshctl.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.simulator.license.SimLicense;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
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
    // The OpenAPI document lists 403 "Must be licensed first." for both status calls.
    assertEquals("Must be licensed first.", api.get("/status/system").await().errorMessage());
    assertEquals("Must be licensed first.", api.get("/status").await().errorMessage());
    // The document lists the same for GET /system/variables; that is the simulator's default reading.
    assertEquals("Must be licensed first.", api.get("/system/variables").await().errorMessage());
  }

  @Test
  void namesAreSetBeforeTheLicenseAsTheVendorToolsDo(Vertx vertx) {
    // config.setup_controller (SDK), SetupController (Go), vns3_config (Terraform): GET /config,
    // PUT /config with both names, then the license.
    JsonObject fresh = api.get("/config").await().response();
    assertFalse(fresh.getBoolean("licensed"));
    Api.Reply named = api.put("/config", new JsonObject().put("topology_name", "sdk-mesh").put("controller_name", "")).await();
    assertEquals(200, named.status());
    assertEquals("sdk-mesh", named.response().getString("topology_name"));
    assertEquals("sdk-mesh", api.get("/config").await().response().getString("topology_name"));
    // The SDK asks GET /license before it accepts parameters and takes this exact message as "not yet".
    assertEquals("Must be licensed first.", api.get("/license").await().errorMessage());
    Flows.license(vertx, api, SimLicense.issue(2)).await();
    JsonObject licensed = api.get("/config").await().response();
    assertTrue(licensed.getBoolean("licensed"));
    assertEquals("sdk-mesh", licensed.getString("topology_name"));
  }

  @Test
  void customParametersAreWhatTheLicenseReports(Vertx vertx) {
    api.putText("/license", SimLicense.issue(4).text()).await();
    JsonObject params =
        new JsonObject()
            .put("default", false)
            .put("subnet", "172.31.1.0/24")
            .put("managers", "172.31.1.253 172.31.1.252")
            .put("asns", "34001 34002")
            .put("clients", "172.31.1.1,172.31.1.5-172.31.1.6")
            .put("my_manager_vip", "172.31.1.254");
    JsonObject accepted = api.put("/license/parameters", params).await().response();
    // As the recorded LicenseParamsResponse: state "accepted", lists, no "default" key.
    assertEquals("accepted", accepted.getString("license"));
    assertEquals("172.31.1.252", accepted.getJsonObject("parameters").getJsonArray("managers").getString(1));
    assertFalse(accepted.getJsonObject("parameters").containsKey("default"));
    api.until(vertx, "/config", r -> r.status() == -1, Duration.ofSeconds(5)).await();
    api.until(vertx, "/config", r -> r.status() == 200, Duration.ofSeconds(5)).await();
    JsonObject license = api.get("/license").await().response();
    assertTrue(license.getBoolean("custom_addressing"));
    assertEquals("172.31.1.254", license.getString("my_manager_vip"));
    JsonObject topology = license.getJsonObject("topology");
    assertEquals("172.31.1.0/24", topology.getString("overlay_subnet"));
    JsonArray managers = topology.getJsonArray("managers");
    assertEquals(4, managers.size());
    assertEquals("172.31.1.253", managers.getJsonObject(0).getJsonObject("overlay_ipaddress").getString("ip_address"));
    assertEquals(new JsonArray().add(172).add(31).add(1).add(252), managers.getJsonObject(1).getJsonObject("overlay_ipaddress").getJsonArray("octets"));
    assertEquals(34002L, managers.getJsonObject(1).getLong("asn"));
    // Positions the parameters leave out: the simulator's own choice, below the given ones.
    assertEquals("172.31.1.251", managers.getJsonObject(2).getJsonObject("overlay_ipaddress").getString("ip_address"));
    assertEquals(65004L, managers.getJsonObject(3).getLong("asn"));
    JsonArray clients = topology.getJsonArray("clients");
    assertEquals(3, topology.getInteger("total_clients"));
    assertEquals("172.31.1.6", clients.getJsonObject(2).getString("ip_address"));
  }

  @Test
  void aRebootGoesThroughRefusedProxyAndUnauthorizedPhases(Vertx vertx) {
    sim.close().await();
    // Phases long enough that 20 ms polls see each one, even on a loaded machine.
    SimTimings slowBoot =
        SimTimings.FAST
            .withReboot(Duration.ofMillis(400), Duration.ofMillis(600))
            .withBootPhases(Duration.ofMillis(600), Duration.ofMillis(600));
    sim = Simulator.start(vertx, Flows.config(1).withTimings(slowBoot)).await();
    api = new Api(vertx, sim.controller("ctl1"));
    api.putText("/license", SimLicense.issue(4).text()).await();
    assertEquals(200, api.put("/license/parameters", new JsonObject().put("default", true)).await().status());
    java.util.List<String> seen =
        Flows.phases(vertx, api, "/config", new java.util.function.Predicate<Api.Reply>() {
              private boolean wentDown;

              @Override
              public boolean test(Api.Reply r) {
                wentDown |= r.status() == -1;
                return wentDown && r.status() == 200;
              }
            }, Flows.LIMIT)
            .await();
    assertEquals(java.util.List.of("200", "refused", "proxy", "401", "200"), seen);
    assertEquals(ControllerStatus.UP, sim.controller("ctl1").status());
    // The admin API's down/up boots the same way; up answers once it is healthy.
    sim.controller("ctl1").down().await();
    io.vertx.core.Future<java.util.List<String>> upSeen =
        Flows.phases(vertx, api, "/config", r -> r.status() == 200, Flows.LIMIT);
    vertx.timer(100).compose(t -> sim.controller("ctl1").up()).await();
    assertEquals(java.util.List.of("refused", "proxy", "401", "200"), upSeen.await());
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
    assertEquals("accepted", up.response().getString("license"));
    assertEquals(4, up.response().getJsonObject("default_topology").getJsonArray("managers").size());
    JsonObject before = api.get("/license").await().response();
    assertFalse(before.getBoolean("finalized"));
    // The recorded LicenseDetail's form: "2020-01-24 20:39:59 +0000".
    assertTrue(before.getString("uploaded_at").matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} \\+0000"), before.getString("uploaded_at"));
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
    assertEquals("100.127.255.192/26", after.getJsonObject("topology").getString("overlay_subnet"));
    assertEquals(65002L, after.getJsonObject("topology").getJsonArray("managers").getJsonObject(1).getLong("asn"));
    assertFalse(after.containsKey("parameters"));
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
