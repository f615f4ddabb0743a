package dev.meshctl.engine.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.meshctl.dsl.model.LicenseParameters;
import dev.meshctl.engine.live.KeysetState;
import dev.meshctl.engine.live.LicenseParametersDigest;
import dev.meshctl.engine.live.LicenseState;
import dev.meshctl.engine.live.LiveRoute;
import dev.meshctl.engine.live.PeeringState;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Vns3WireTest {
  private static Object payload(String json) {
    return Vns3Wire.payload(Buffer.buffer(json));
  }

  @Test
  void aCustomLicenseDigestsLikeTheParametersThatMadeIt() {
    LicenseState l = Vns3Wire.license(payload("""
        {"response": {"license_present": true, "finalized": true, "custom_addressing": true,
          "my_manager_vip": "172.16.0.1",
          "topology": {"overlay_subnet": "172.16.0.0/24",
            "managers": [
              {"manager_id": 2, "overlay_ipaddress": {"ip_address": "172.16.0.252"}, "asn": 65002},
              {"manager_id": 1, "overlay_ipaddress": {"ip_address": "172.16.0.253"}, "asn": 65001}],
            "clients": [{"ip_address": "172.16.0.10"}, {"ip_address": "172.16.0.11"}, {"ip_address": "172.16.0.12"}]}}}
        """));
    LicenseParameters spec = new LicenseParameters(false, Optional.of("172.16.0.0/24"),
        List.of("172.16.0.253", "172.16.0.252"), Optional.of("65001  65002"), Optional.of("172.16.0.10-172.16.0.12"),
        Optional.of("172.16.0.1"));
    assertEquals(new LicenseState(true, true, Optional.of(2), Optional.of(LicenseParametersDigest.of(spec))), l);
  }

  @Test
  void anUnfinalizedLicenseHasNoDigest() {
    LicenseState l = Vns3Wire.license(payload("{\"response\":{\"license_present\":true,\"finalized\":false}}"));
    assertEquals(new LicenseState(true, false, Optional.empty(), Optional.empty()), l);
  }

  @Test
  void aKeysetJobInProgress() {
    assertEquals(
        new KeysetState(false, true, Optional.empty(), Optional.of(1563565380L)),
        Vns3Wire.keyset(payload("{\"response\":{\"keyset_preset\":false,\"in_progress\":true,\"started_at_i\":1563565380,\"running\":0}}")));
  }

  @Test
  void peeringWithoutTheResponseWrapperAndMtuAsString() {
    PeeringState p = Vns3Wire.peering(payload(
        "{\"peered\":true,\"id\":1,\"managers\":{\"1\":{\"overlay_ipaddress\":\"100.127.255.253\",\"self\":true},"
            + "\"2\":{\"overlay_ipaddress\":\"100.127.255.252\",\"not_set\":true,\"id\":2,\"mtu\":\"1500\"}}}"));
    assertEquals(Optional.of(1), p.selfId());
    assertEquals(List.of(1, 2), List.copyOf(p.peers().keySet()));
    assertEquals(true, p.peers().get(2).notSet());
    assertEquals(1500, p.peers().get(2).mtu());
  }

  @Test
  void routesAreSortedAndDefaulted() {
    List<LiveRoute> rs = Vns3Wire.routes(payload(
        "{\"response\":{\"7\":{\"cidr\":\"10.0.1.0/24\",\"advertise\":true},\"1\":{\"cidr\":\"224.0.0.0/4\",\"interface\":\"tun0\",\"editable\":false}}}"));
    assertEquals(
        List.of(
            new LiveRoute("7", "10.0.1.0/24", Optional.empty(), Optional.empty(), true, 0, "", true, true),
            new LiveRoute("1", "224.0.0.0/4", Optional.empty(), Optional.of("tun0"), false, 0, "", true, false)),
        rs);
  }

  @Test
  void aRouteWithoutCidrIsMalformed() {
    WireFormatException e = assertThrows(WireFormatException.class,
        () -> Vns3Wire.routes(payload("{\"response\":{\"3\":{\"interface\":\"eth0\"}}}")));
    assertEquals("routes.3.cidr is missing", e.getMessage());
  }

  @Test
  void aListWhereAnObjectBelongsIsMalformed() {
    WireFormatException e = assertThrows(WireFormatException.class, () -> Vns3Wire.config(payload("{\"response\":[1,2]}")));
    assertEquals("response is an array, expected an object", e.getMessage());
  }

  @Test
  void errorMessagesComeFromEitherWrapper() {
    assertEquals("Keyset already exists.",
        Vns3Wire.errorMessage(Buffer.buffer("{\"error\":{\"name\":\"APIArgumentError\",\"message\":\"Keyset already exists.\"}}")));
    assertEquals("Must be licensed first",
        Vns3Wire.errorMessage(Buffer.buffer("{\"response\":{\"message\":\"Must be licensed first\",\"name\":\"PrerequisiteError\"}}")));
    assertEquals("", Vns3Wire.errorMessage(Buffer.buffer("<html>502 Bad Gateway</html>")));
  }

  @Test
  void customVariablesAreFoundInAnyCollection() {
    Object p = payload("{\"response\":{\"system\":[{\"variable\":\"hostname\",\"value\":\"vns3\"}],"
        + "\"custom\":[{\"variable\":\"meshctl_lock\",\"value\":\"{\\\"holder\\\":\\\"ci\\\"}\"}]}}");
    assertEquals(Optional.of("{\"holder\":\"ci\"}"), Vns3Wire.variable(p, "meshctl_lock"));
    assertEquals(Optional.empty(), Vns3Wire.variable(p, "other"));
    WireFormatException e = assertThrows(WireFormatException.class,
        () -> Vns3Wire.variable(payload("{\"response\":{\"custom\":{\"variable\":\"x\"}}}"), "x"));
    assertEquals("custom is an object, expected an array", e.getMessage());
  }
}
