package dev.meshctl.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
class KeysetIT {
  Simulator sim;
  Api root;
  Api other;
  final SimLicense license = SimLicense.issue(3);

  @BeforeEach
  void start(Vertx vertx) {
    // Generation long enough that a second PUT surely lands while it runs, even on a loaded machine.
    SimTimings timings = SimTimings.FAST.withKeyset(java.time.Duration.ofMillis(800), SimTimings.FAST.keysetDownload());
    sim = Simulator.start(vertx, Flows.config(3).withSeed(7).withTimings(timings)).await();
    root = new Api(vertx, sim.controller("ctl1"));
    other = new Api(vertx, sim.controller("ctl2"));
  }

  @AfterEach
  void stop() {
    sim.close().await();
  }

  @Test
  void generationRunsInTheBackground(Vertx vertx) {
    Flows.license(vertx, root, license).await();
    assertEquals("token is missing", root.put("/keyset", new JsonObject()).await().errorMessage());
    Api.Reply started = root.put("/keyset", new JsonObject().put("token", "tok")).await();
    assertTrue(started.response().getBoolean("in_progress"));
    assertEquals("Keyset setup in progress.", root.put("/keyset", new JsonObject().put("token", "tok")).await().errorMessage());
    JsonObject k = root.until(vertx, "/keyset", Flows::keysetSettled, Flows.LIMIT).await().response();
    assertTrue(k.getBoolean("keyset_present"));
    assertEquals(40, k.getString("checksum").length());
    assertEquals("Keyset already exists.", root.put("/keyset", new JsonObject().put("token", "tok")).await().errorMessage());
    // In both sources the config's topology checksum differs from the keyset checksum.
    String topology = root.get("/config").await().response().getString("topology_checksum");
    assertTrue(topology.matches("[0-9a-f]{40}") && !topology.equals(k.getString("checksum")), topology);
  }

  @Test
  void downloadFromTheRootCopiesKeysetAndLicense(Vertx vertx) {
    Flows.license(vertx, root, license).await();
    root.put("/config", new JsonObject().put("topology_name", "sandbox")).await();
    JsonObject rootKeyset = Flows.generateKeyset(vertx, root, "tok").await();
    assertEquals(403, other.get("/keyset").await().status());
    // By the root's private IP, over the simulated private network; the other is unlicensed.
    JsonObject k = Flows.downloadKeyset(vertx, other, "10.0.1.10", "tok").await();
    assertTrue(k.getBoolean("keyset_present"));
    assertEquals(rootKeyset.getString("checksum"), k.getString("checksum"));
    JsonObject config = other.get("/config").await().response();
    assertTrue(config.getBoolean("licensed"));
    assertEquals("sandbox", config.getString("topology_name"));
    assertTrue(other.get("/license").await().response().getBoolean("finalized"));
    // A public IP resolves as well.
    Api third = new Api(vertx, sim.controller("ctl3"));
    assertEquals(rootKeyset.getString("checksum"),
        Flows.downloadKeyset(vertx, third, "198.51.100.1", "tok").await().getString("checksum"));
  }

  @Test
  void aDownloadEndsInARebootThatAppliesItsLicense(Vertx vertx) {
    sim.close().await();
    // The download done, the API answers for 600 ms before the reboot: long enough to see.
    SimTimings timings =
        SimTimings.FAST
            .withReboot(java.time.Duration.ofMillis(600), java.time.Duration.ofMillis(300))
            .withBootPhases(java.time.Duration.ofMillis(300), java.time.Duration.ofMillis(300));
    sim = Simulator.start(vertx, Flows.config(3).withSeed(7).withTimings(timings)).await();
    root = new Api(vertx, sim.controller("ctl1"));
    other = new Api(vertx, sim.controller("ctl2"));
    Flows.license(vertx, root, license).await();
    String checksum = Flows.generateKeyset(vertx, root, "tok").await().getString("checksum");
    assertEquals(200, other.put("/keyset", new JsonObject().put("source", "10.0.1.10").put("token", "tok")).await().status());
    java.util.List<String> done =
        Flows.phases(vertx, other, "/keyset", r -> r.status() == 403, Flows.LIMIT).await();
    // Done, its license waiting for the reboot: refused as unlicensed (as the SDK's
    // fetch_keyset_from_source meets it), and a repeated PUT says the keyset exists.
    assertEquals("403 Must be licensed first.", done.get(done.size() - 1));
    assertEquals(
        "Keyset already exists.",
        other.put("/keyset", new JsonObject().put("source", "10.0.1.10").put("token", "tok")).await().errorMessage());
    java.util.List<String> rebooted =
        Flows.phases(vertx, other, "/keyset", r -> r.status() == 200 && r.response().getBoolean("keyset_present"), Flows.LIMIT)
            .await();
    // Then the reboot's phases, then the keyset.
    assertEquals(
        java.util.List.of("refused", "proxy", "401", "200"),
        rebooted.stream().dropWhile(p -> p.startsWith("403")).toList());
    assertEquals(checksum, other.get("/keyset").await().response().getString("checksum"));
    assertTrue(other.get("/config").await().response().getBoolean("licensed"));
  }

  @Test
  void wrongTokenFailsAndARetryIsANewAttempt(Vertx vertx) {
    Flows.license(vertx, root, license).await();
    Flows.generateKeyset(vertx, root, "tok").await();
    JsonObject failed = Flows.downloadKeyset(vertx, other, "10.0.1.10", "other-token").await();
    assertFalse(failed.getBoolean("keyset_present"));
    assertFalse(other.get("/config").await().response().getBoolean("licensed"));
    JsonObject retry = other.put("/keyset", new JsonObject().put("source", "10.0.1.10").put("token", "tok")).await().response();
    assertTrue(retry.getBoolean("in_progress"));
    assertNotEquals(failed.getLong("started_at_i"), retry.getLong("started_at_i"));
    assertTrue(other.until(vertx, "/keyset", Flows::keysetSettled, Flows.LIMIT).await().response().getBoolean("keyset_present"));
  }

  @Test
  void unreachableOrUnpreparedSourceFails(Vertx vertx) {
    // The source has no license and no keyset yet.
    assertFalse(Flows.downloadKeyset(vertx, other, "10.0.1.10", "tok").await().getBoolean("keyset_present"));
    Flows.license(vertx, root, license).await();
    assertFalse(Flows.downloadKeyset(vertx, other, "10.0.1.10", "tok").await().getBoolean("keyset_present"));
    Flows.generateKeyset(vertx, root, "tok").await();
    sim.controller("ctl1").down().await();
    assertFalse(Flows.downloadKeyset(vertx, other, "10.0.1.10", "tok").await().getBoolean("keyset_present"));
    // An address nobody answers for.
    assertFalse(Flows.downloadKeyset(vertx, other, "10.99.0.1", "tok").await().getBoolean("keyset_present"));
    sim.controller("ctl1").up().await();
    assertTrue(Flows.downloadKeyset(vertx, other, "10.0.1.10", "tok").await().getBoolean("keyset_present"));
  }

  @Test
  void differentLicensesGiveDifferentChecksums(Vertx vertx) {
    Flows.license(vertx, root, license).await();
    Flows.license(vertx, other, SimLicense.issue(3)).await();
    assertNotEquals(
        Flows.generateKeyset(vertx, root, "tok").await().getString("checksum"),
        Flows.generateKeyset(vertx, other, "tok").await().getString("checksum"));
  }
}
