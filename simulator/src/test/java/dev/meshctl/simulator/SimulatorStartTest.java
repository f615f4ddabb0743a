package dev.meshctl.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class SimulatorStartTest {
  @Test
  void startsControllersAnsweringConfigOverHttps(Vertx vertx) throws Exception {
    Simulator sim = Simulator.start(vertx, SimulatorConfig.sequential(3, "127.0.0.1", 0).withTimings(SimTimings.FAST)).await();
    try {
      assertEquals(3, sim.controllers().size());
      SimulatedController c2 = sim.controller("ctl2");
      assertTrue(c2.endpoint().startsWith("https://127.0.0.1:"));
      assertEquals("10.0.2.10", c2.privateIp());
      assertEquals("10.0.2.0/24", c2.subnet());
      assertTrue(c2.certificateSha256().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"));
      Api.Reply r = new Api(vertx, c2).get("/config").await();
      assertEquals(200, r.status());
      JsonObject config = r.response();
      assertFalse(config.getBoolean("licensed"));
      assertEquals("10.0.2.10", config.getString("private_ipaddress"));
      assertEquals("198.51.100.2", config.getString("public_ipaddress"));
      assertEquals(1, c2.requestCounts().reads());
      assertEquals(0, c2.requestCounts().writes());
    } finally {
      sim.close().await();
    }
  }

  @Test
  void wrongPasswordIs401WithTheDocumentedErrorBody(Vertx vertx) throws Exception {
    Simulator sim = Simulator.start(vertx, SimulatorConfig.sequential(1, "127.0.0.1", 0).withTimings(SimTimings.FAST)).await();
    try {
      Api.Reply r = new Api(vertx, sim.controller("ctl1")).password("nope").get("/config").await();
      assertEquals(401, r.status());
      assertEquals("UnauthorizedError", r.json().getJsonObject("error").getString("name"));
    } finally {
      sim.close().await();
    }
  }
}
