package dev.meshctl.engine.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.dsl.model.LicenseParameters;
import dev.meshctl.dsl.model.Secret;
import dev.meshctl.engine.live.ConfigState;
import dev.meshctl.engine.live.ControllerObservation;
import dev.meshctl.engine.live.ControllerState;
import dev.meshctl.engine.live.KeysetState;
import dev.meshctl.engine.live.LicenseParametersDigest;
import dev.meshctl.engine.live.LicenseState;
import dev.meshctl.engine.live.LiveStateReader;
import dev.meshctl.engine.live.PeerLink;
import dev.meshctl.engine.live.PeeringState;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * meshctl's client reads each answer recorded from real controllers (the vendor SDK's {@code
 * stub_data.py}) and each example of the vendor's OpenAPI document as what it says: the values,
 * not just "no exception". Routes are read in the routes tests.
 */
class RecordedResponsesReadTest extends WireMockHarness {

  private static String recorded(String file) {
    return RecordedResponses.body(file);
  }

  @Test
  void anUnlicensedConfigAsRecorded() {
    wm.stubFor(get("/api/config").willReturn(okJson(recorded("sdk-config.json"))));
    ConfigState c = Await.result(client.getConfig());
    assertFalse(c.licensed());
    assertEquals(Optional.of("10.0.1.211"), c.privateIp());
    assertEquals(Optional.of("52.202.254.43"), c.publicIp());
    assertEquals(Optional.of("My-topology-name"), c.topologyName());
    assertEquals(Optional.of("My VNS3 controller"), c.controllerName());
    assertEquals(Optional.of("9e29c480e3a20f1a9e4fd7f453f8da7280bdada4"), c.topologyChecksum());
    assertEquals(Optional.empty(), c.managerId());
    assertEquals(Optional.of("4.8.4-20191220"), c.vns3Version());
  }

  @Test
  void aLicensedConfigAsTheDocumentShowsIt() {
    wm.stubFor(get("/api/config").willReturn(okJson(recorded("openapi-config.json"))));
    ConfigState c = Await.result(client.getConfig());
    assertTrue(c.licensed());
    assertEquals(Optional.of("192.168.30.247"), c.privateIp());
    assertEquals(Optional.of("50.240.142.209"), c.publicIp());
    assertEquals(Optional.of("Cohesive"), c.topologyName());
    assertEquals(Optional.of("Controller 1"), c.controllerName());
    assertEquals(Optional.of(1), c.managerId());
    assertEquals(Optional.of("4.5.0"), c.vns3Version());
  }

  @Test
  void putConfigAnswersTheConfig() {
    wm.stubFor(put("/api/config").willReturn(okJson(recorded("sdk-config.json"))));
    ConfigState c = Await.result(client.putConfig(Optional.of("My-topology-name"), Optional.empty()));
    assertEquals(Optional.of("My-topology-name"), c.topologyName());
    assertFalse(c.licensed());
  }

  @Test
  void aFinalizedCustomLicenseAsRecorded() {
    wm.stubFor(get("/api/license").willReturn(okJson(recorded("sdk-license.json"))));
    LicenseState l = Await.result(client.getLicense());
    assertTrue(l.present());
    assertTrue(l.finalized());
    assertEquals(Optional.of(4), l.capacity());
    // What the license reports of its accepted parameters: no my_manager_vip among them.
    LicenseParameters reported = new LicenseParameters(false, Optional.of("172.31.1.0/24"),
        List.of("172.31.1.253", "172.31.1.252", "172.31.1.251", "172.31.1.250"),
        Optional.of("34001 34002 35011 35012"), Optional.of("172.31.1.1"), Optional.empty());
    assertEquals(Optional.of(LicenseParametersDigest.of(reported)), l.parametersDigest());
  }

  @Test
  void theLicenseParametersRecordedAcceptedAreNotAllReportedByTheLicense() {
    // sdk-license-parameters.json accepted my_manager_vip 172.31.1.254 for the same topology as
    // sdk-license.json, which does not report it: a spec giving a VIP cannot be compared by
    // GET /license alone. Shown here so that the day a client relies on it, this test says why not.
    wm.stubFor(get("/api/license").willReturn(okJson(recorded("sdk-license.json"))));
    LicenseParameters accepted = new LicenseParameters(false, Optional.of("172.31.1.0/24"),
        List.of("172.31.1.253", "172.31.1.252", "172.31.1.251", "172.31.1.250"),
        Optional.of("34001 34002 35011 35012"), Optional.of("172.31.1.1"), Optional.of("172.31.1.254"));
    LicenseState l = Await.result(client.getLicense());
    assertFalse(l.parametersDigest().equals(Optional.of(LicenseParametersDigest.of(accepted))));
  }

  @Test
  void anUploadedLicenseNotYetFinalized() {
    wm.stubFor(put("/api/license").willReturn(okJson(recorded("sdk-license-upload.json"))));
    wm.stubFor(get("/api/license").willReturn(okJson(recorded("sdk-license-upload.json"))));
    Await.result(client.putLicense(Secret.of("LICENSE TEXT")));
    LicenseState l = Await.result(client.getLicense());
    assertTrue(l.present());
    assertFalse(l.finalized());
    assertEquals(Optional.empty(), l.parametersDigest());
  }

  @Test
  void acceptingLicenseParametersAnswersAsRecorded() {
    wm.stubFor(put("/api/license/parameters").willReturn(okJson(recorded("sdk-license-parameters.json"))));
    Await.result(client.putLicenseParameters(LicenseParameters.DEFAULT));
  }

  @Test
  void aPresentKeysetAsRecordedAndAsDocumented() {
    for (String file : List.of("sdk-keyset.json", "openapi-keyset.json")) {
      wm.stubFor(get("/api/keyset").willReturn(okJson(recorded(file))));
      KeysetState k = Await.result(client.getKeyset());
      assertTrue(k.present(), file);
      assertFalse(k.inProgress(), file);
      assertEquals(Optional.empty(), k.startedAt(), file);
    }
    assertEquals(Optional.of("6093b865464ec3f7ab7213975c3b952763d1df14"), Await.result(client.getKeyset()).checksum());
    wm.stubFor(get("/api/keyset").willReturn(okJson(recorded("sdk-keyset.json"))));
    assertEquals(Optional.of("8e4f8ae182a41a047c206c099c62fa0ea59ebbcb"), Await.result(client.getKeyset()).checksum());
  }

  @Test
  void aKeysetGenerationJustStarted() {
    wm.stubFor(put("/api/keyset").willReturn(okJson(recorded("openapi-keyset-put.json"))));
    KeysetState k = Await.result(client.generateKeyset(Secret.of("keyset-token")));
    assertTrue(k.inProgress());
    assertFalse(k.present());
    assertEquals(Optional.of(1563565380L), k.startedAt());
  }

  @Test
  void peeringAsRecorded() {
    wm.stubFor(get("/api/peering").willReturn(okJson(recorded("sdk-peering.json"))));
    PeeringState p = Await.result(client.getPeering());
    assertEquals(Optional.of(1), p.selfId());
    assertEquals(List.of(1, 2, 3, 4), List.copyOf(p.peers().keySet()));
    PeerLink self = p.peers().get(1);
    assertTrue(self.self());
    assertFalse(self.notSet());
    for (int id = 2; id <= 4; id++) {
      assertTrue(p.peers().get(id).notSet(), "peer " + id);
      assertFalse(p.peers().get(id).self(), "peer " + id);
      assertEquals("", p.peers().get(id).address(), "peer " + id);
    }
  }

  @Test
  void peeringWithoutItsWrapperAndWithoutAnIdOnSelf() {
    // The document's PUT /peering/self example: no "response" wrapper, and manager "1" has no id.
    wm.stubFor(get("/api/peering").willReturn(okJson(recorded("openapi-peering-self.json"))));
    wm.stubFor(put("/api/peering/self").willReturn(okJson(recorded("openapi-peering-self.json"))));
    Await.result(client.setPeerId(1));
    PeeringState p = Await.result(client.getPeering());
    assertEquals(Optional.of(1), p.selfId());
    assertTrue(p.peers().get(1).self());
    assertEquals(1, p.peers().get(1).id());
    assertTrue(p.peers().get(2).notSet());
  }

  @Test
  void peerWritesAnsweredWithThePeeringTable() {
    wm.stubFor(post("/api/peering/peers").willReturn(okJson(recorded("sdk-peering.json"))));
    wm.stubFor(put("/api/peering/self").willReturn(okJson(recorded("sdk-peering.json"))));
    Await.result(client.setPeerId(1));
    Await.result(client.createPeer(2, "10.0.2.10", OptionalInt.empty()));
  }

  @Test
  void passwordAndRebootAnswers() {
    for (String file : List.of("sdk-api-password.json", "openapi-api-password.json")) {
      wm.stubFor(put("/api/api_password").willReturn(okJson(recorded(file))));
      Await.result(client.setApiPassword(Secret.of("s3cret-pw")));
    }
    for (String file : List.of("sdk-server-reboot.json", "openapi-server-reboot.json")) {
      wm.stubFor(put("/api/server").willReturn(okJson(recorded(file))));
      Await.result(client.reboot());
    }
  }

  @Test
  void theDocumentedUnlicensedRefusalsAreReadAsUnlicensed() {
    for (String file : List.of("openapi-status-403.json", "openapi-license-403.json")) {
      wm.stubFor(get("/api/license").willReturn(aResponse().withStatus(403).withBody(recorded(file))));
      Vns3Error.Forbidden f = assertInstanceOf(Vns3Error.Forbidden.class, Await.error(client.getLicense()), file);
      assertTrue(f.unlicensed(), file);
    }
    wm.stubFor(get("/api/keyset").willReturn(aResponse().withStatus(403).withBody(recorded("openapi-keyset-403.json"))));
    Vns3Error.Forbidden f = assertInstanceOf(Vns3Error.Forbidden.class, Await.error(client.getKeyset()));
    assertTrue(f.unlicensed());
    assertEquals("Must be licensed first", f.vns3Message());
  }

  @Test
  void customVariablesGroupedByCollection() {
    wm.stubFor(get("/api/system/variables").willReturn(okJson(recorded("openapi-variables.json"))));
    java.util.Map<String, String> variables = Await.result(client.variables());
    assertEquals("value", variables.get("variable"));
    assertFalse(variables.containsKey("other"));
  }

  @Test
  void liveStateOfAnUnlicensedControllerAsRecorded() {
    wm.stubFor(get("/api/config").willReturn(okJson(recorded("sdk-config.json"))));
    for (String read : List.of("/api/license", "/api/keyset", "/api/peering", "/api/routes")) {
      wm.stubFor(get(read).willReturn(aResponse().withStatus(403).withBody(recorded("openapi-status-403.json"))));
    }
    ControllerState s = observed();
    assertFalse(s.config().licensed());
    assertEquals(LicenseState.ABSENT, s.license());
    assertEquals(KeysetState.ABSENT, s.keyset());
    assertEquals(Optional.empty(), s.peering().selfId());
    assertTrue(s.routes().isEmpty());
  }

  @Test
  void liveStateOfALicensedPeeredControllerAsRecorded() {
    wm.stubFor(get("/api/config").willReturn(okJson(recorded("openapi-config.json"))));
    wm.stubFor(get("/api/license").willReturn(okJson(recorded("sdk-license.json"))));
    wm.stubFor(get("/api/keyset").willReturn(okJson(recorded("sdk-keyset.json"))));
    wm.stubFor(get("/api/peering").willReturn(okJson(recorded("sdk-peering.json"))));
    wm.stubFor(get("/api/routes").willReturn(okJson("{\"response\": {}}")));
    ControllerState s = observed();
    assertTrue(s.config().licensed());
    assertTrue(s.license().finalized());
    assertEquals(Optional.of(4), s.license().capacity());
    assertTrue(s.keyset().present());
    assertEquals(Optional.of(1), s.peering().selfId());
    assertEquals(4, s.peering().peers().size());
  }

  private ControllerState observed() {
    ControllerObservation o = Await.result(new LiveStateReader().read(TestControllers.http("east-1a", wm.port()), client));
    return assertInstanceOf(ControllerObservation.Observed.class, o, o.toString()).state();
  }
}
