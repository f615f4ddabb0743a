package dev.meshctl.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.simulator.license.SimLicense;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class PersistenceIT {
  @TempDir Path dir;

  @Test
  void stateSurvivesARestartAndWipeResetsIt(Vertx vertx) throws Exception {
    SimulatorConfig config = Flows.config(2).withStateDir(dir);
    Simulator first = Simulator.start(vertx, config).await();
    String fingerprint = first.controller("ctl1").certificateSha256();
    int port = first.controller("ctl1").port();
    Api api = new Api(vertx, first.controller("ctl1"));
    Flows.seed(vertx, api, 1, SimLicense.issue(2), "secret-token", null).await();
    api.post("/routes", new JsonObject().put("cidr", "10.0.1.0/24").put("interface", "_notset").put("advertise", true)).await();
    api.put("/api_password", new JsonObject().put("password", "changed")).await();
    first.close().await();

    String state = Files.readString(dir.resolve("ctl1/state.json"));
    assertFalse(state.contains("secret-token"), "the keyset token is never stored");
    assertFalse(state.contains("changed"), "the API password is stored as a digest only");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ctl1/state.json"))));

    Simulator second = Simulator.start(vertx, Flows.config(2).withStateDir(dir).withTimings(SimTimings.FAST)).await();
    try {
      SimulatedController c = second.controller("ctl1");
      assertEquals(fingerprint, c.certificateSha256());
      Api again = new Api(vertx, c.endpoint(), "changed");
      JsonObject config2 = again.get("/config").await().response();
      assertTrue(config2.getBoolean("licensed"));
      assertEquals(1, config2.getInteger("manager_id"));
      assertTrue(again.get("/keyset").await().response().getBoolean("keyset_present"));
      assertEquals(2, again.get("/routes").await().response().size());
      assertTrue(port > 0);

      c.wipe().await();
      assertNotEquals(fingerprint, c.certificateSha256());
      Api fresh = new Api(vertx, c);
      assertFalse(fresh.get("/config").await().response().getBoolean("licensed"));
      assertEquals(403, fresh.get("/routes").await().status());
      assertFalse(c.state().await().containsKey("peer_id"));
    } finally {
      second.close().await();
    }
  }
}
