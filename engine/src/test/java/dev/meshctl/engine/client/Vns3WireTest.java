package dev.meshctl.engine.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.dsl.model.LicenseParameters;
import dev.meshctl.engine.live.ConfigState;
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
    assertEquals(Optional.of(LicenseParametersDigest.of(spec)), l.parametersDigest());
    assertEquals(List.of(), LicenseParametersDigest.differences(spec, l.accepted().orElseThrow()));
  }

  @Test
  void theRecordedLicenseDetailReadsAsTheParametersThatMadeIt() {
    // tests/vns3/stub_data.py (cohesive/python-cohesivenet-sdk): LicenseDetail, recorded after
    // the LicenseParamsResponse beside it; it reports no my_manager_vip.
    LicenseState l = Vns3Wire.license(payload("""
        {"response": {"license_present": true, "sha1_checksum": "4320fce04d8db1c5d19a1648990a04e13ffc4419",
          "uploaded_at": "2020-01-24 20:39:59 +0000", "uploaded_at_i": 1579898399,
          "topology": {"managers": [
              {"manager_id": 1, "overlay_ipaddress": {"ip_address": "172.31.1.253", "octets": [172, 31, 1, 253]}, "asn": 34001},
              {"manager_id": 2, "overlay_ipaddress": {"ip_address": "172.31.1.252", "octets": [172, 31, 1, 252]}, "asn": 34002},
              {"manager_id": 3, "overlay_ipaddress": {"ip_address": "172.31.1.251", "octets": [172, 31, 1, 251]}, "asn": 35011},
              {"manager_id": 4, "overlay_ipaddress": {"ip_address": "172.31.1.250", "octets": [172, 31, 1, 250]}, "asn": 35012}],
            "clients": [{"ip_address": "172.31.1.1", "octets": [172, 31, 1, 1]}],
            "total_clients": 1, "overlay_max_clients": 25, "overlay_subnet": "172.31.1.0/24",
            "ipsec_max_endpoints": 4, "ipsec_max_subnets": 16},
          "capabilities": ["IPsec", "eBGP"], "finalized": true, "custom_addressing": true}}
        """));
    assertEquals(Optional.of(4), l.capacity());
    LicenseParameters accepted = new LicenseParameters(false, Optional.of("172.31.1.0/24"),
        List.of("172.31.1.253", "172.31.1.252", "172.31.1.251", "172.31.1.250"),
        Optional.of("34001 34002 35011 35012"), Optional.of("172.31.1.1"), Optional.of("172.31.1.254"));
    assertEquals(List.of(), LicenseParametersDigest.differences(accepted, l.accepted().orElseThrow()));
    LicenseParameters other = new LicenseParameters(false, Optional.of("172.31.2.0/24"),
        List.of("172.31.1.253"), Optional.of("34001 34009"), Optional.empty(), Optional.empty());
    assertEquals(
        List.of("subnet: spec 172.31.2.0/24, license 172.31.1.0/24", "asns: spec 34001 34009, license 34001 34002 35011 35012"),
        LicenseParametersDigest.differences(other, l.accepted().orElseThrow()));
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
        "{\"response\":{\"2\":{\"id\":7,\"cidr\":\"10.0.1.0/24\",\"advertise\":true},\"1\":{\"id\":1,\"cidr\":\"224.0.0.0/4\",\"interface\":\"tun0\",\"editable\":false}}}"));
    assertEquals(
        List.of(
            new LiveRoute("7", "10.0.1.0/24", Optional.empty(), Optional.empty(), true, 0, "", true, true),
            new LiveRoute("1", "224.0.0.0/4", Optional.empty(), Optional.of("tun0"), false, 0, "", true, false)),
        rs);
  }

  @Test
  void aRouteIdComesFromItsIdNeverFromItsKey() {
    List<LiveRoute> rs = Vns3Wire.routes(payload(
        "{\"response\":{\"2\":{\"id\":3,\"cidr\":\"10.0.2.10/32\"},\"4\":{\"id\":\"8\",\"cidr\":\"10.0.0.0/8\"}}}"));
    assertEquals(List.of("8", "3"), rs.stream().map(LiveRoute::id).toList());
    WireFormatException e = assertThrows(WireFormatException.class,
        () -> Vns3Wire.routes(payload("{\"response\":{\"3\":{\"cidr\":\"10.0.3.0/24\",\"interface\":\"eth0\"}}}")));
    assertEquals("routes.3.id is missing", e.getMessage());
  }

  @Test
  void aBareAddressTakesItsNetmask() {
    List<LiveRoute> rs = Vns3Wire.routes(payload(
        "{\"response\":{\"1\":{\"id\":5,\"cidr\":\"10.0.0.0\",\"netmask\":\"255.0.0.0\"}}}"));
    assertEquals("10.0.0.0/255.0.0.0", rs.get(0).cidr());
  }

  @Test
  void aRouteWithoutCidrIsMalformed() {
    WireFormatException e = assertThrows(WireFormatException.class,
        () -> Vns3Wire.routes(payload("{\"response\":{\"3\":{\"id\":4,\"interface\":\"eth0\"}}}")));
    assertEquals("routes.3.cidr is missing", e.getMessage());
  }

  @Test
  void aRouteRequestSpellsNoneAsTheVendorSdkDoes() {
    assertEquals(
        new io.vertx.core.json.JsonObject("{\"cidr\":\"10.0.1.0/24\",\"description\":\"d\",\"interface\":\"_notset\",\"gateway\":\"_notset\",\"advertise\":true,\"metric\":0}"),
        Vns3Wire.routeRequest(new RouteRequest("10.0.1.0/24", Optional.empty(), Optional.of(" "), true, 0, Optional.of("d"))));
    assertEquals(
        new io.vertx.core.json.JsonObject("{\"cidr\":\"10.0.2.10/32\",\"interface\":\"eth0\",\"gateway\":\"10.0.1.1\",\"advertise\":false,\"metric\":0}"),
        Vns3Wire.routeRequest(new RouteRequest("10.0.2.10/32", Optional.of("10.0.1.1"), Optional.of("eth0"), false, 0, Optional.empty())));
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
    assertEquals(
        java.util.Map.of("hostname", "vns3", "meshctl_lock", "{\"holder\":\"ci\"}"), Vns3Wire.variables(p));
    WireFormatException e = assertThrows(WireFormatException.class,
        () -> Vns3Wire.variables(payload("{\"response\":{\"custom\":{\"variable\":\"x\"}}}")));
    assertEquals("custom is an object, expected an array", e.getMessage());
  }

  @Test
  void theSecurityTokenIsNeverRead() {
    String token = "5ecur1ty-t0ken-of-the-topology";
    ConfigState c = Vns3Wire.config(payload(
        "{\"response\":{\"licensed\":true,\"private_ipaddress\":\"10.0.1.10\",\"overlay_ipaddress\":\"100.64.0.1\","
            + "\"manager_id\":1,\"asn\":65001,\"security_token\":\"" + token + "\"}}"));
    assertTrue(c.licensed());
    assertFalse(c.toString().contains(token));
    WireFormatException e = assertThrows(WireFormatException.class, () -> Vns3Wire.config(payload(
        "{\"response\":{\"licensed\":\"yes\",\"security_token\":\"" + token + "\"}}")));
    assertFalse(e.getMessage().contains(token));
  }

  @Test
  void peersListedUnderControllersAreRead() {
    // OpenAPI PeersDetail documents the map under "controllers" as well as "managers".
    PeeringState p = Vns3Wire.peering(payload(
        "{\"response\":{\"id\":1,\"peered\":true,\"controllers\":{\"1\":{\"id\":1,\"self\":true},"
            + "\"2\":{\"id\":2,\"address\":\"10.0.2.10\",\"reachable\":true,\"mtu\":\"1500\"}}}}"));
    assertEquals("10.0.2.10", p.peers().get(2).address());
    assertTrue(p.peers().get(2).reachable());
  }
}
