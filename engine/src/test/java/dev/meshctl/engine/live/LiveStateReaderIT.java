package dev.meshctl.engine.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.engine.client.Await;
import dev.meshctl.engine.client.RequestStats;
import dev.meshctl.engine.client.SimulatedMesh;
import dev.meshctl.engine.client.TestControllers;
import dev.meshctl.engine.client.Vns3Client;
import dev.meshctl.simulator.RequestCounts;
import dev.meshctl.simulator.SimTimings;
import dev.meshctl.simulator.license.SimLicense;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading simulated controllers in every state: converged, fresh, down. */
class LiveStateReaderIT {
  private SimulatedMesh mesh;
  private Vertx vertx;

  @BeforeEach
  void start() {
    mesh = new SimulatedMesh(4, SimTimings.FAST);
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    Await.result(vertx.close());
    mesh.close();
  }

  private void presetLicensed(String... names) {
    String license = SimLicense.issue(4).text();
    for (int i = 0; i < names.length; i++) {
      Await.result(mesh.controller(names[i]).presetLicensed(license, "keyset-token", OptionalInt.of(i + 1)));
    }
  }

  @Test
  void aConvergedMeshCostsExactlyOneRoundOfFiveReadsPerController() {
    presetLicensed("ctl1", "ctl2", "ctl3", "ctl4");
    Map<String, Vns3Client> clients = mesh.clients(vertx, TestControllers.FAST);
    mesh.sim.controllers().forEach(c -> c.resetRequestCounts());

    MeshState state = Await.result(new LiveStateReader().read(mesh.meshSpec(), clients));

    for (String name : List.of("ctl1", "ctl2", "ctl3", "ctl4")) {
      ControllerState s = state.observed(name).orElseThrow();
      assertTrue(s.config().licensed());
      assertTrue(s.license().finalized());
      assertTrue(s.keyset().present());
      assertEquals(Optional.of(4), s.license().capacity());
      assertEquals(new RequestStats.Counts(5, 0), clients.get(name).stats().snapshot(), name);
      assertEquals(new RequestCounts(5, 0), mesh.controller(name).requestCounts(), name);
    }
    assertEquals(Optional.of(2), state.observed("ctl2").orElseThrow().peering().selfId());
    assertEquals(
        state.observed("ctl1").orElseThrow().keyset().checksum(),
        state.observed("ctl4").orElseThrow().keyset().checksum());
  }

  @Test
  void freshAndDownControllersAreReportedEachInItsOwnWay() {
    presetLicensed("ctl1", "ctl2");
    Await.result(mesh.controller("ctl4").down());
    Map<String, Vns3Client> clients = mesh.clients(vertx, TestControllers.FAST);

    MeshState state = Await.result(new LiveStateReader().read(mesh.meshSpec(), clients));

    assertEquals(4, state.controllers().size());
    assertTrue(state.observed("ctl1").orElseThrow().keyset().present());
    ControllerState fresh = state.observed("ctl3").orElseThrow();
    assertFalse(fresh.config().licensed());
    assertEquals(Optional.of("10.0.3.10"), fresh.config().privateIp());
    assertEquals(LicenseState.ABSENT, fresh.license());
    assertEquals(KeysetState.ABSENT, fresh.keyset());
    assertEquals(List.of(), fresh.routes());
    assertEquals(
        new ControllerObservation.Unreadable("ctl4", "GET /config: connection refused (and 4 more reads alike)"),
        state.controllers().get("ctl4"));
  }
}
