package dev.meshctl.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class FaultsIT {
  private List<Integer> statuses(Vertx vertx, long seed) {
    FaultConfig faults = new FaultConfig(0.2, 0.2, 0.1, 0);
    Simulator sim = Simulator.start(vertx, Flows.config(1).withSeed(seed).withFaults(faults)).await();
    try {
      Api api = new Api(vertx, sim.controller("ctl1"));
      List<Integer> out = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        out.add(api.get("/config").map(Api.Reply::status).otherwise(-1).await());
      }
      return out;
    } finally {
      sim.close().await();
    }
  }

  @Test
  void faultsFollowTheSeed(Vertx vertx) {
    List<Integer> a = statuses(vertx, 42);
    List<Integer> b = statuses(vertx, 42);
    List<Integer> c = statuses(vertx, 43);
    assertEquals(a, b);
    assertTrue(!a.equals(c), "another seed gives another sequence");
    assertTrue(a.contains(502) && a.contains(503) && a.contains(-1) && a.contains(200), a.toString());
  }

  @Test
  void adminApiTakesControllersDownAndSetsFaults(Vertx vertx) {
    Simulator sim = Simulator.start(vertx, Flows.config(2).withAdminPort(0)).await();
    try {
      WebClient admin = WebClient.create(vertx);
      int port = sim.adminPort().orElseThrow();
      JsonObject list = admin.get(port, "127.0.0.1", "/_sim/controllers").send().await().bodyAsJsonObject();
      assertEquals(2, list.getJsonArray("controllers").size());
      Api api = new Api(vertx, sim.controller("ctl2"));
      assertEquals("down", admin.post(port, "127.0.0.1", "/_sim/controllers/ctl2/down").send().await().bodyAsJsonObject().getString("status"));
      assertEquals(-1, api.get("/config").map(Api.Reply::status).otherwise(-1).await());
      assertEquals("up", admin.post(port, "127.0.0.1", "/_sim/controllers/ctl2/up").send().await().bodyAsJsonObject().getString("status"));
      assertEquals(200, api.get("/config").await().status());
      admin.put(port, "127.0.0.1", "/_sim/controllers/ctl2/faults").sendJsonObject(new JsonObject().put("http503", 1.0)).await();
      assertEquals(503, api.get("/config").await().status());
      assertEquals(400, admin.put(port, "127.0.0.1", "/_sim/faults").sendJsonObject(new JsonObject().put("http503", 2.0)).await().statusCode());
      assertEquals(404, admin.post(port, "127.0.0.1", "/_sim/controllers/nope/down").send().await().statusCode());
      // A hung request never gets an answer: the client's own timeout ends it.
      sim.controller("ctl1").setFaults(new FaultConfig(0, 0, 0, 1.0));
      WebClient plain = WebClient.create(vertx, new io.vertx.ext.web.client.WebClientOptions().setTrustAll(true).setVerifyHost(false));
      Throwable hung = plain.getAbs(sim.controller("ctl1").endpoint() + "/api/config").timeout(300).send()
          .map(r -> (Throwable) null).otherwise(e -> e).await();
      assertTrue(hung != null && hung.getMessage().contains("timeout"), String.valueOf(hung));
      // Rebooting through the admin API answers once the controller is back.
      assertEquals("up", admin.post(port, "127.0.0.1", "/_sim/controllers/ctl2/reboot").send().await().bodyAsJsonObject().getString("status"));
    } finally {
      sim.close().await();
    }
  }
}
