package dev.meshctl.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.simulator.license.SimLicense;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class SystemIT {
  Simulator sim;
  Api api;

  @BeforeEach
  void start(Vertx vertx) {
    sim = Simulator.start(vertx, Flows.config(2).withApiPassword("sandbox-pw")).await();
    api = new Api(vertx, sim.controller("ctl1"));
  }

  @AfterEach
  void stop() {
    sim.close().await();
  }

  @Test
  void passwordChangeTakesEffectOnTheNextCall(Vertx vertx) {
    assertEquals("sandbox-pw", sim.controller("ctl2").apiPassword());
    assertEquals("Invalid password", api.put("/api_password", new JsonObject().put("password", "")).await().errorMessage());
    assertEquals("ok", api.put("/api_password", new JsonObject().put("password", "n3w")).await().response().getString("password_reset"));
    assertEquals(401, api.get("/config").await().status());
    assertEquals(200, api.password("n3w").get("/config").await().status());
    // Only that controller changed.
    assertEquals(200, new Api(vertx, sim.controller("ctl2")).get("/config").await().status());
  }

  @Test
  void apiTokensAuthenticateUntilDeleted(Vertx vertx) {
    JsonObject token = api.post("/access/token", new JsonObject().put("name", "ci").put("expires", 600)).await().response();
    assertEquals(1, api.get("/access/tokens").await().json().getJsonArray("response").size());
    io.vertx.ext.web.client.WebClient client =
        io.vertx.ext.web.client.WebClient.create(vertx, new io.vertx.ext.web.client.WebClientOptions().setTrustAll(true).setVerifyHost(false));
    String url = sim.controller("ctl1").endpoint() + "/api/config";
    assertEquals(200, client.getAbs(url).putHeader("api-token", token.getString("token")).send().await().statusCode());
    assertEquals(401, client.getAbs(url).putHeader("api-token", "forged").send().await().statusCode());
    assertEquals(200, api.delete("/access/token/" + token.getInteger("id")).await().status());
    assertEquals(401, client.getAbs(url).putHeader("api-token", token.getString("token")).send().await().statusCode());
    assertEquals(404, api.delete("/access/token/99").await().status());
    assertEquals(400, api.post("/access/token", new JsonObject().put("expires", 5)).await().status());
  }

  @Test
  void variablesBeforeTheLicenseAnswer403UnlessTheReadingSaysOtherwise() {
    assertEquals(VariableReading.DEFAULT, sim.variableReading());
    Api.Reply refused = api.get("/system/variables").await();
    assertEquals(403, refused.status());
    assertEquals("Must be licensed first.", refused.errorMessage());
    assertEquals(403, api.post("/system/variables", new JsonObject().put("name", "v").put("value", "1")).await().status());
    sim.variableReading(VariableReading.parse("unlicensed=answer"));
    assertEquals(200, api.get("/system/variables").await().status());
  }

  @Test
  void aSecondPostIsRefusedOrOverwritesAsTheReadingSays() {
    sim.variableReading(VariableReading.parse("unlicensed=answer,post=refuse"));
    assertEquals(201, api.post("/system/variables", new JsonObject().put("name", "meshctl_lock").put("value", "a")).await().status());
    Api.Reply again = api.post("/system/variables", new JsonObject().put("name", "meshctl_lock").put("value", "b")).await();
    assertEquals(400, again.status());
    assertEquals("Custom variable meshctl_lock already exists", again.errorMessage());
    assertEquals(new JsonObject().put("variable", "meshctl_lock").put("description", "").put("value", "a"), custom().getJsonObject(0));

    sim.variableReading(VariableReading.parse("unlicensed=answer,post=overwrite"));
    assertEquals(201, api.post("/system/variables", new JsonObject().put("name", "meshctl_lock").put("value", "b")).await().status());
    assertEquals(new JsonObject().put("variable", "meshctl_lock").put("description", "").put("value", "b"), custom().getJsonObject(0));

    // No compare-and-set: an "expected" value is not part of the document's request and is ignored.
    assertEquals("c", api.put("/system/variables/meshctl_lock", new JsonObject().put("value", "c").put("expected", "zzz")).await().response().getString("value"));
    assertEquals(200, api.delete("/system/variables/meshctl_lock").await().status());
    assertEquals("Custom variable meshctl_lock does not exist", api.delete("/system/variables/meshctl_lock").await().errorMessage());
    assertEquals(404, api.put("/system/variables/nope", new JsonObject().put("value", "x")).await().status());
    assertEquals(400, api.post("/system/variables", new JsonObject().put("name", "bad-name").put("value", "x")).await().status());
  }

  /** The document's Variable has a description, and its CreateCustomVariableRequest takes one. */
  @Test
  void variablesCarryTheirDescription() {
    sim.variableReading(VariableReading.parse("unlicensed=answer"));
    api.post("/system/variables", new JsonObject().put("name", "owner").put("value", "ops").put("description", "who runs it")).await();
    api.post("/system/variables", new JsonObject().put("name", "plain").put("value", "1")).await();
    JsonArray custom = api.get("/system/variables").await().response().getJsonArray("custom");
    assertEquals(new JsonObject().put("variable", "owner").put("description", "who runs it").put("value", "ops"), custom.getJsonObject(0));
    assertEquals(new JsonObject().put("variable", "plain").put("description", "").put("value", "1"), custom.getJsonObject(1));
    JsonObject updated = api.put("/system/variables/owner", new JsonObject().put("value", "dev")).await().response();
    assertEquals("who runs it", updated.getString("description"));
    api.delete("/system/variables/owner").await();
    api.post("/system/variables", new JsonObject().put("name", "owner").put("value", "x")).await();
    assertEquals("", api.get("/system/variables").await().response().getJsonArray("custom").getJsonObject(0).getString("description"));
  }

  /** The recorded config of an unlicensed controller has a topology checksum (SDK ConfigDetail). */
  @Test
  void configHasATopologyChecksumFromTheStart() {
    String before = api.get("/config").await().response().getString("topology_checksum");
    assertTrue(before.matches("[0-9a-f]{40}"), before);
    assertEquals(before, api.get("/config").await().response().getString("topology_checksum"));
    String named = api.put("/config", new JsonObject().put("topology_name", "sandbox")).await().response().getString("topology_checksum");
    assertTrue(named.matches("[0-9a-f]{40}") && !named.equals(before), named);
  }

  /** The parts of the SDK's recorded SystemStatus: sar's rows and the container system. */
  @Test
  void systemStatusHasSysstatAndTheContainerSystem(Vertx vertx) {
    Flows.license(vertx, api, SimLicense.issue(2)).await();
    JsonObject status = api.get("/status/system").await().response();
    JsonArray sysstat = status.getJsonObject("data").getJsonArray("sysstat");
    assertTrue(!sysstat.isEmpty());
    for (Object row : sysstat) {
      JsonArray r = (JsonArray) row;
      assertEquals(6, r.size(), r.encode());
      assertEquals("vnscubed", r.getString(0));
      long sampled = Long.parseLong(r.getString(2));
      assertTrue(sampled <= status.getLong("timestamp_i") && sampled > status.getLong("timestamp_i") - 600, r.encode());
      assertTrue(r.getString(4).startsWith("%"), r.encode());
    }
    JsonObject containers = status.getJsonObject("container_system");
    assertEquals(true, containers.getBoolean("container_system_running"));
    assertEquals(0, containers.getInteger("containers_active"));
    assertTrue(containers.getInteger("containers_limit") > 0);
    assertEquals(5, status.getJsonArray("loadavg").size());
    assertTrue(status.getString("vns3_version").startsWith("Cohesive Networks VNS3 "));
  }

  @Test
  void prefixedNamesAreListedWithCustomButAddressedAsCreated() {
    sim.variableReading(VariableReading.parse("unlicensed=answer,names=prefixed"));
    assertEquals(201, api.post("/system/variables", new JsonObject().put("name", "meshctl_lock_x").put("value", "a")).await().status());
    assertEquals(new JsonObject().put("variable", "custom_meshctl_lock_x").put("description", "").put("value", "a"), custom().getJsonObject(0));
    assertEquals(404, api.delete("/system/variables/custom_meshctl_lock_x").await().status());
    assertEquals(200, api.delete("/system/variables/meshctl_lock_x").await().status());
    assertTrue(custom().isEmpty());
  }

  @Test
  void readingsParseAndRefuseUnknownWords() {
    assertEquals(8, VariableReading.all().size());
    assertEquals("post=overwrite,names=prefixed,unlicensed=answer",
        VariableReading.parse("names=prefixed, unlicensed=answer,post=overwrite").toString());
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> VariableReading.parse("post=maybe"));
    assertEquals("'post=maybe': post is one of refuse, overwrite", e.getMessage());
  }

  private JsonArray custom() {
    return api.get("/system/variables").await().response().getJsonArray("custom");
  }

  @Test
  void statusCloudDataAndServerReboot(Vertx vertx) {
    Flows.license(vertx, api, SimLicense.issue(2)).await();
    JsonObject status = api.get("/status/system").await().response();
    assertTrue(status.getLong("uptime") >= 0);
    // The recorded SystemStatus's form: "2020-01-27 21:46:35 +0000".
    assertTrue(status.getString("timestamp").matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} \\+0000"), status.getString("timestamp"));
    JsonObject runtime = api.get("/status").await().response();
    assertEquals(new JsonArray().add(new JsonArray().add("10.0.1.0").add("255.255.255.0")), runtime.getJsonArray("connected_subnets"));
    assertEquals(new JsonObject(), runtime.getJsonObject("ipsec"));
    assertEquals("ec2", api.get("/cloud_data").await().response().getString("cloud_type"));
    assertEquals("Nothing to do", api.put("/server", new JsonObject()).await().errorMessage());
    assertEquals("rebooting", api.put("/server", new JsonObject().put("reboot", true)).await().response().getString("status"));
    api.until(vertx, "/config", r -> r.status() == -1, Flows.LIMIT).await();
    api.until(vertx, "/config", r -> r.status() == 200, Flows.LIMIT).await();
  }

  @Test
  void adminUiTakesEnabledAndCredentialsAndNeverEchoesThePassword() {
    JsonObject ui = api.put("/admin_ui", new JsonObject().put("admin_username", "ops").put("admin_password", "s3cret-ui")).await().response();
    assertEquals(new JsonObject().put("enabled", true).put("username", "ops"), ui);
    Api.Reply off = api.put("/admin_ui", new JsonObject().put("enabled", false)).await();
    assertEquals(new JsonObject().put("enabled", false).put("username", "ops"), off.response());
    assertTrue(!off.body().contains("s3cret-ui"));
    assertEquals("admin_username is invalid", api.put("/admin_ui", new JsonObject().put("admin_username", "a b")).await().errorMessage());
  }

  @Test
  void configHasNoOverlayAddressOrTokenBeforeThePeerId() {
    JsonObject config = api.get("/config").await().response();
    assertTrue(!config.containsKey("overlay_ipaddress") && !config.containsKey("security_token"));
  }

  @Test
  void countsReadsAndWrites() {
    sim.controller("ctl1").resetRequestCounts();
    api.get("/config").await();
    api.get("/status/system").await();
    api.put("/api_password", new JsonObject().put("password", "x")).await();
    assertEquals(new RequestCounts(2, 1), sim.controller("ctl1").requestCounts());
  }
}
