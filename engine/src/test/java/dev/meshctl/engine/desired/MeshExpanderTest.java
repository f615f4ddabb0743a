package dev.meshctl.engine.desired;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.dsl.model.LinkSpec;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.dsl.model.RouteSpec;
import dev.meshctl.engine.diff.MeshFixtures;
import dev.meshctl.engine.live.LicenseParametersDigest;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MeshExpanderTest {
  @Test
  void fullMeshGivesEveryControllerEveryOtherAsPeerWithARouteToIt() {
    DesiredMesh m = MeshExpander.expand(MeshFixtures.spec(4));
    DesiredController c2 = m.controllers().get("ctl-02");
    assertEquals(Set.of(1, 3, 4), c2.peers().keySet());
    DesiredPeer p3 = c2.peers().get(3);
    assertEquals("ctl-03", p3.peerController());
    assertEquals("10.0.3.10", p3.peerAddress());
    assertEquals(1500, p3.mtu());
    assertEquals("controller[\"ctl-02\"].peer[3]", p3.address().toString());

    DesiredRoute toPeer3 =
        c2.routes().stream().filter(r -> r.cidr().equals("10.0.3.10/32")).findFirst().orElseThrow();
    assertEquals(Optional.of("10.0.2.1"), toPeer3.gateway());
    assertEquals(Optional.of("eth0"), toPeer3.iface());
    assertFalse(toPeer3.advertise());
    assertEquals("meshctl: peer route to ctl-03", toPeer3.description());

    DesiredRoute advertised =
        c2.routes().stream().filter(DesiredRoute::advertise).findFirst().orElseThrow();
    assertEquals("10.0.2.0/24", advertised.cidr());
    assertEquals(Optional.empty(), advertised.gateway());
    assertEquals(4, c2.routes().size());
  }

  @Test
  void onlyTheRootHasTheLicenseAndGeneratesTheKeyset() {
    DesiredMesh m = MeshExpander.expand(MeshFixtures.spec(3));
    DesiredController root = m.rootController();
    assertEquals("ctl-01", root.name());
    assertTrue(root.root());
    assertEquals(
        LicenseParametersDigest.of(dev.meshctl.dsl.model.LicenseParameters.DEFAULT),
        root.license().orElseThrow().parametersDigest());
    DesiredController other = m.controllers().get("ctl-03");
    assertTrue(other.license().isEmpty());
    assertEquals(Optional.of("ctl-01"), other.keyset().sourceController());
    assertEquals(Optional.of("10.0.1.10"), other.keyset().sourceIp());
  }

  @Test
  void explicitLinksPeerBothSidesWithTheirMtu() {
    MeshSpec spec =
        MeshFixtures.spec(3, false, List.of(new LinkSpec("ctl-01", "ctl-03", OptionalInt.of(1400))));
    DesiredMesh m = MeshExpander.expand(spec);
    assertEquals(Set.of(3), m.controllers().get("ctl-01").peers().keySet());
    assertEquals(Set.of(1), m.controllers().get("ctl-03").peers().keySet());
    assertTrue(m.controllers().get("ctl-02").peers().isEmpty());
    assertEquals(1400, m.controllers().get("ctl-03").peers().get(1).mtu());
  }

  @Test
  void linkOverridesMtuInAFullMesh() {
    MeshSpec spec =
        MeshFixtures.spec(3, true, List.of(new LinkSpec("ctl-02", "ctl-03", OptionalInt.of(1300))));
    DesiredMesh m = MeshExpander.expand(spec);
    assertEquals(1300, m.controllers().get("ctl-02").peers().get(3).mtu());
    assertEquals(1500, m.controllers().get("ctl-02").peers().get(1).mtu());
  }

  @Test
  void extraRoutesAreMarkedAndARepeatOfADerivedRouteAddsNothing() {
    RouteSpec extra =
        new RouteSpec("192.168.0.0/16", Optional.of("10.0.1.1"), Optional.of("eth0"), false, 5, Optional.of("on-prem"));
    RouteSpec repeat =
        new RouteSpec("10.0.2.10/32", Optional.of("10.0.1.1"), Optional.of("eth0"), false, 0, Optional.empty());
    MeshSpec spec =
        MeshFixtures.withController(
            MeshFixtures.spec(2), "ctl-01", c -> MeshFixtures.withRoutes(c, List.of(extra, repeat)));
    List<DesiredRoute> routes = MeshExpander.expand(spec).controllers().get("ctl-01").routes();
    assertEquals(3, routes.size());
    DesiredRoute onPrem =
        routes.stream().filter(r -> r.cidr().equals("192.168.0.0/16")).findFirst().orElseThrow();
    assertEquals("meshctl: on-prem", onPrem.description());
    assertEquals(5, onPrem.metric());
  }
}
