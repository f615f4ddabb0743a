package dev.meshctl.simulator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.meshctl.simulator.license.SimLicense;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every answer the simulator gave during the test suite (this class runs last) and during its own
 * walk through every endpoint, validated against the vendor's OpenAPI document.
 */
@Order(Integer.MAX_VALUE)
@ExtendWith(VertxExtension.class)
class ContractIT {
  static OpenApiContract contract;

  @BeforeAll
  static void load() throws Exception {
    Optional<Path> doc = OpenApiContract.locate();
    if (doc.isEmpty()) {
      String why = "the VNS3 OpenAPI document (" + OpenApiContract.DOCUMENT
          + ") is not in ../shared/vns3 beside the repository; set -Dvns3.openapi=FILE";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(why);
      }
      Assumptions.abort(why);
    }
    contract = new OpenApiContract(doc.get());
  }

  @Test
  void theValidatorCatchesAWrongBody() {
    assertTrue(contract.check("GET", "/config", 200, "application/json", "{\"response\":{\"licensed\":\"yes\"}}").size() > 0);
    assertTrue(contract.check("GET", "/routes", 200, "application/json", "{\"response\":{\"1\":{\"id\":0}}}").size() > 0);
    assertTrue(contract.check("PUT", "/keyset", 400, "application/json", "{\"error\":\"flat\"}").size() > 0);
    assertTrue(contract.check("GET", "/peering", 200, "application/json", "{\"response\":{\"managers\":{\"1\":{\"mtu\":1500}}}}").size() > 0);
    assertTrue(contract.check("GET", "/cloud_data", 200, "application/json", "{\"response\":{\"cloud_data\":\"flat\"}}").size() > 0);
    assertFalse(contract.check("GET", "/config", 200, "application/json", "{\"response\":{\"licensed\":true}}").size() > 0);
  }

  @Test
  void everyAnswerMatchesTheDocument(Vertx vertx) {
    walkEveryEndpoint(vertx);
    List<String> mismatches = new ArrayList<>();
    TreeSet<String> covered = new TreeSet<>();
    for (Recorded.Exchange e : Recorded.ALL) {
      covered.add(e.method() + " " + e.path().replaceAll("/\\d+", "/{id}") + " " + e.status());
      mismatches.addAll(contract.check(e.method(), e.path(), e.status(), e.contentType(), e.body()));
    }
    System.out.println("contract: " + Recorded.ALL.size() + " answers checked, " + covered.size() + " kinds:\n  " + String.join("\n  ", covered));
    if (!mismatches.isEmpty()) {
      fail(mismatches.size() + " answers do not match the OpenAPI document:\n" + String.join("\n", new TreeSet<>(mismatches)));
    }
  }

  /** Drives two controllers through every endpoint the simulator implements, recording answers. */
  private static void walkEveryEndpoint(Vertx vertx) {
    Simulator sim = Simulator.start(vertx, Flows.config(2)).await();
    try {
      SimLicense license = SimLicense.issue(2);
      Api a = new Api(vertx, sim.controller("ctl1"));
      Api b = new Api(vertx, sim.controller("ctl2"));
      a.get("/config").await();
      a.put("/config", new JsonObject().put("topology_name", "before-license").put("controller_name", "")).await();
      a.get("/status").await();
      a.get("/status/system").await();
      a.put("/admin_ui", new JsonObject().put("admin_username", "a b")).await();
      a.get("/routes").await();
      a.get("/license").await();
      a.putText("/license", "garbage").await();
      Flows.seed(vertx, a, 1, license, "tok", null).await();
      Flows.seed(vertx, b, 2, license, "tok", "10.0.1.10").await();
      a.get("/license").await();
      a.put("/config", new JsonObject().put("topology_name", "t").put("controller_name", "c1")).await();
      a.put("/keyset", new JsonObject().put("token", "tok")).await();
      a.post("/peering/peers", new JsonObject().put("id", 2).put("name", "10.0.2.10")).await();
      b.post("/peering/peers", new JsonObject().put("id", 1).put("name", "10.0.1.10")).await();
      a.put("/peering/peers/2", new JsonObject().put("overlay_mtu", "1400")).await();
      a.get("/peering").await();
      a.post("/routes", new JsonObject().put("cidr", "10.0.1.0/24").put("interface", "_notset").put("advertise", true)).await();
      b.get("/routes").await();
      a.put("/routes/2/disable", null).await();
      a.put("/routes/2/enable", null).await();
      a.delete("/routes/2").await();
      a.delete("/peering/peers/2").await();
      a.post("/system/variables", new JsonObject().put("name", "v").put("value", "1")).await();
      a.put("/system/variables/v", new JsonObject().put("value", "2")).await();
      a.get("/system/variables").await();
      a.delete("/system/variables/v").await();
      JsonObject token = a.post("/access/token", new JsonObject().put("expires", 120)).await().response();
      a.get("/access/tokens").await();
      a.get("/access/token/" + token.getInteger("id")).await();
      a.delete("/access/token/" + token.getInteger("id")).await();
      a.get("/status/system").await();
      a.get("/status").await();
      a.put("/admin_ui", new JsonObject().put("enabled", false).put("admin_username", "ops").put("admin_password", "ui-pw")).await();
      a.post("/peering/peers", new JsonObject().put("id", 2).put("name", "10.0.2.10").put("force", false)).await();
      a.get("/cloud_data").await();
      a.put("/api_password", new JsonObject().put("password", "p2")).await();
      a.password("p2").put("/server", new JsonObject().put("reboot", true)).await();
    } finally {
      sim.close().await();
    }
  }
}
