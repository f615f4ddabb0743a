package dev.meshctl.engine.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.dsl.model.LicenseParameters;
import dev.meshctl.dsl.model.Secret;
import dev.meshctl.engine.live.KeysetState;
import dev.meshctl.engine.live.LicenseParametersDigest;
import dev.meshctl.engine.live.LicenseState;
import dev.meshctl.engine.live.LiveRoute;
import dev.meshctl.engine.live.PeeringState;
import dev.meshctl.simulator.SimTimings;
import dev.meshctl.simulator.license.SimLicense;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a simulated controller: licensing with its reboot, keyset, peering, routes. */
class WebVns3ClientIT {
  private static final Secret TOKEN = Secret.of("keyset-token-1");
  private static final ClientOptions OPTIONS =
      new ClientOptions(TestControllers.FAST_RETRY, new WaitPolicy(Duration.ofMillis(25), 3, Duration.ofSeconds(1), Duration.ofMillis(500)));
  /** Generous: other builds share this machine's two cores. */
  private static final Duration WAIT = Duration.ofSeconds(60);

  private SimulatedMesh mesh;
  private Vertx vertx;
  private Vns3Client ctl1;

  @BeforeEach
  void start() {
    mesh = new SimulatedMesh(2, SimTimings.FAST);
    vertx = Vertx.vertx();
    ctl1 = mesh.clients(vertx, OPTIONS).get("ctl1");
  }

  @AfterEach
  void stop() {
    Await.result(vertx.close());
    mesh.close();
  }

  @Test
  void licensingRebootsAndTheWaitSeesItThrough() {
    assertFalse(Await.result(ctl1.getConfig()).licensed());
    Await.result(ctl1.putLicense(Secret.of(SimLicense.issue(4).text())));
    LicenseState uploaded = Await.result(ctl1.getLicense());
    assertTrue(uploaded.present());
    assertFalse(uploaded.finalized());

    Await.result(ctl1.putLicenseParameters(LicenseParameters.DEFAULT));
    Await.result(ctl1.awaitReboot(WAIT));
    LicenseState accepted = Await.result(ctl1.getLicense());
    assertTrue(accepted.finalized());
    assertEquals(Optional.of(LicenseParametersDigest.DEFAULT), accepted.parametersDigest());
    assertTrue(Await.result(ctl1.getConfig()).licensed());
  }

  @Test
  void keysetGenerationIsWaitedForAndNotRepeated() {
    Await.result(ctl1.putLicense(Secret.of(SimLicense.issue(4).text())));
    Await.result(ctl1.putLicenseParameters(LicenseParameters.DEFAULT));
    Await.result(ctl1.awaitReboot(WAIT));
    assertEquals(KeysetState.ABSENT, Await.result(ctl1.getKeyset()));
    KeysetState started = Await.result(ctl1.generateKeyset(TOKEN));
    KeysetState done = Await.result(ctl1.awaitKeyset(WAIT, Optional.empty()));
    assertTrue(done.present());
    assertTrue(done.checksum().isPresent());
    assertTrue(started.inProgress() || started.present());
    Vns3Error again = Await.error(ctl1.generateKeyset(TOKEN));
    Vns3Error.BadRequest b = assertInstanceOf(Vns3Error.BadRequest.class, again);
    assertEquals("Keyset already exists.", b.vns3Message());
  }

  @Test
  void peeringAndRoutes() {
    license();
    Await.result(ctl1.setPeerId(1));
    assertEquals(Optional.of(1), Await.result(ctl1.getPeering()).selfId());
    Await.result(ctl1.createPeer(2, "10.0.2.10", OptionalInt.of(1400)));
    PeeringState peered = Await.result(ctl1.getPeering());
    assertEquals("10.0.2.10", peered.peers().get(2).address());
    assertEquals(1400, peered.peers().get(2).mtu());

    RouteRequest r = new RouteRequest("10.0.2.10/32", Optional.of("10.0.1.1"), Optional.of("eth0"), false, 0, Optional.of("peer ctl2"));
    Await.result(ctl1.createRoute(r));
    LiveRoute created = Await.result(ctl1.getRoutes()).stream().filter(r::sameRoute).findFirst().orElseThrow();
    assertTrue(created.editable());
    Await.result(ctl1.deleteRoute(created.id()));
    assertTrue(Await.result(ctl1.getRoutes()).stream().noneMatch(r::sameRoute));
    Await.result(ctl1.deletePeer(2));
    PeeringState unpeered = Await.result(ctl1.getPeering());
    assertTrue(unpeered.peers().get(2) == null || unpeered.peers().get(2).notSet());
  }

  @Test
  void a502DuringTheRebootWaitIsNotTakenForTheReboot() {
    // The API keeps answering for 2.5 s after the reboot is asked for; meanwhile the simulator
    // answers a third of the requests 502, as a busy front proxy does. A 502 once counted as "went
    // down" and the next healthy answers as "back up", long before the reboot happened. (Plain
    // HTTP and a long probe timeout, so that a loaded machine still polls often in that window.)
    try (SimulatedMesh slow =
        new SimulatedMesh(1, SimTimings.FAST.withReboot(Duration.ofMillis(2500), Duration.ofMillis(150)), false)) {
      Vertx v = Vertx.vertx();
      try {
        ClientOptions patient =
            new ClientOptions(
                TestControllers.FAST_RETRY,
                new WaitPolicy(Duration.ofMillis(25), 3, Duration.ofSeconds(10), Duration.ofSeconds(5)));
        Vns3Client c = slow.clients(v, patient).get("ctl1");
        dev.meshctl.simulator.SimulatedController sim = slow.controller("ctl1");
        Await.result(sim.presetLicensed(SimLicense.issue(4).text(), TOKEN.reveal(), OptionalInt.empty()));
        Await.result(c.reboot());
        sim.setFaults(new dev.meshctl.simulator.FaultConfig(0.3, 0, 0, 0));
        Await.result(c.awaitReboot(WAIT));
        sim.setFaults(dev.meshctl.simulator.FaultConfig.NONE);
        assertEquals(dev.meshctl.simulator.ControllerStatus.UP, sim.status(), "the wait ended before the reboot did");
      } finally {
        Await.result(v.close());
      }
    }
  }

  @Test
  void aKeysetDownloadIsWaitedForThroughItsReboot() {
    Await.result(mesh.controller("ctl2").presetLicensed(SimLicense.issue(4).text(), TOKEN.reveal(), OptionalInt.empty()));
    KeysetState started = Await.result(ctl1.fetchKeyset(mesh.controller("ctl2").privateIp(), TOKEN));
    KeysetState done = Await.result(ctl1.awaitDownloadedKeyset(WAIT, WAIT, started.startedAt()));
    assertTrue(done.present());
    assertEquals(dev.meshctl.simulator.ControllerStatus.UP, mesh.controller("ctl1").status());
    assertTrue(Await.result(ctl1.getConfig()).licensed());
  }

  private void license() {
    Await.result(mesh.controller("ctl1").presetLicensed(SimLicense.issue(4).text(), TOKEN.reveal(), OptionalInt.empty()));
  }
}
