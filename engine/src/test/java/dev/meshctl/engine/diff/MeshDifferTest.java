package dev.meshctl.engine.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.model.LicenseParameters;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.engine.address.ResourceAddress;
import dev.meshctl.engine.desired.DesiredMesh;
import dev.meshctl.engine.desired.MeshExpander;
import dev.meshctl.engine.live.ConfigState;
import dev.meshctl.engine.live.ControllerState;
import dev.meshctl.engine.live.KeysetState;
import dev.meshctl.engine.live.LicenseState;
import dev.meshctl.engine.live.LiveRoute;
import dev.meshctl.engine.live.MeshState;
import dev.meshctl.engine.live.PeerLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class MeshDifferTest {
  private final DesiredMesh mesh = MeshExpander.expand(MeshFixtures.spec(4));
  private final MeshState converged = MeshFixtures.converged(mesh);

  private static Change only(MeshDiff d, String address) {
    List<Change> l = d.changes().stream().filter(c -> c.address().toString().equals(address)).toList();
    assertEquals(1, l.size(), () -> "changes at " + address + ": " + d.changes());
    return l.get(0);
  }

  @Test
  void convergedMeshHasNoChangesAndIgnoresSystemRoutes() {
    MeshDiff d = MeshDiffer.diff(mesh, converged);
    assertEquals(List.of(), d.changes());
    assertFalse(d.blocked());
    assertEquals(4, d.ignored().size());
    assertEquals(
        "controller[\"ctl-01\"].route[\"224.0.0.0/4\"]", d.ignored().get(0).address().toString());
  }

  @Test
  void freshMeshCreatesEverything() {
    MeshDiff d = MeshDiffer.diff(mesh, MeshFixtures.fresh(mesh));
    // root: license, keyset, names, peer id, 3 peers, 3 peer routes + 1 advertisement = 11;
    // each other: keyset, names, peer id, 3 peers, 4 routes = 10
    assertEquals(11 + 3 * 10, d.changes().size());
    assertTrue(d.changes().stream().allMatch(c -> c.action() == Action.CREATE));
    Change license = only(d, "controller[\"ctl-01\"].license");
    assertEquals(FieldChange.sensitive("text"), license.fields().get(0));
    assertEquals(41, d.toAdd());
    assertEquals(0, d.toDelete());
  }

  @Test
  void aPeerRemovedByHandIsCreatedAgain() {
    MeshState s =
        MeshFixtures.with(converged, "ctl-02", c -> {
          SortedMap<Integer, PeerLink> peers = new TreeMap<>(c.peering().peers());
          peers.remove(3);
          return MeshFixtures.withPeers(c, peers);
        });
    MeshDiff d = MeshDiffer.diff(mesh, s);
    assertEquals(1, d.changes().size());
    Change c = only(d, "controller[\"ctl-02\"].peer[3]");
    assertEquals(Action.CREATE, c.action());
  }

  @Test
  void anMtuChangedByHandIsAnUpdate() {
    MeshState s =
        MeshFixtures.with(converged, "ctl-02", c -> {
          SortedMap<Integer, PeerLink> peers = new TreeMap<>(c.peering().peers());
          PeerLink old = peers.get(3);
          peers.put(3, new PeerLink(3, old.address(), true, 1400, false, false));
          return MeshFixtures.withPeers(c, peers);
        });
    Change c = only(MeshDiffer.diff(mesh, s), "controller[\"ctl-02\"].peer[3]");
    assertEquals(Action.UPDATE, c.action());
    assertEquals(List.of(FieldChange.changed("overlay_mtu", 1400, 1500)), c.fields());
  }

  @Test
  void aPeerTheSpecDoesNotNameIsDeleted() {
    MeshState s =
        MeshFixtures.with(converged, "ctl-02", c -> {
          SortedMap<Integer, PeerLink> peers = new TreeMap<>(c.peering().peers());
          peers.put(9, new PeerLink(9, "10.0.9.10", false, 1500, false, false));
          peers.put(10, new PeerLink(10, "", false, 1500, false, true));
          return MeshFixtures.withPeers(c, peers);
        });
    MeshDiff d = MeshDiffer.diff(mesh, s);
    assertEquals(1, d.changes().size());
    assertEquals(Action.DELETE, only(d, "controller[\"ctl-02\"].peer[9]").action());
  }

  @Test
  void anEditedManagedRouteIsReplacedWithItsLiveId() {
    MeshState s =
        withRouteToCtl03(r -> new LiveRoute(r.id(), r.cidr(), r.gateway(), r.iface(), r.advertise(), 7,
            r.description(), true, true));
    Change c = only(MeshDiffer.diff(mesh, s), "controller[\"ctl-02\"].route[\"10.0.3.10/32\"]");
    assertEquals(Action.REPLACE, c.action());
    assertEquals(List.of(FieldChange.changed("metric", 7, 0)), c.fields());
    assertTrue(c.liveId().isPresent());
  }

  @Test
  void unmanagedRoutesAreIgnoredAndManagedLeftoversAndDuplicatesDeleted() {
    MeshState s =
        MeshFixtures.with(converged, "ctl-02", c -> {
          List<LiveRoute> routes = new ArrayList<>(c.routes());
          routes.add(route("50", "172.16.0.0/12", "added by hand"));
          routes.add(route("51", "172.20.0.0/16", "meshctl: old extra route"));
          LiveRoute first = c.routes().get(1);
          routes.add(new LiveRoute("52", first.cidr(), first.gateway(), first.iface(),
              first.advertise(), first.metric(), first.description(), true, true));
          return MeshFixtures.withRoutes(c, routes);
        });
    MeshDiff d = MeshDiffer.diff(mesh, s);
    assertEquals(2, d.changes().size(), d.changes()::toString);
    assertTrue(d.changes().stream().allMatch(c -> c.action() == Action.DELETE));
    assertEquals(
        List.of("51", "52"),
        d.changes().stream().map(c -> c.liveId().orElseThrow()).sorted().toList());
    assertTrue(
        d.ignored().stream()
            .anyMatch(i -> i.address().equals(ResourceAddress.route("ctl-02", "172.16.0.0/12"))));
  }

  @Test
  void anUnmarkedRouteEqualToAWantedOneSatisfiesIt() {
    MeshState s =
        withRouteToCtl03(r -> new LiveRoute(r.id(), r.cidr(), r.gateway(), r.iface(), r.advertise(),
            r.metric(), "made by hand", true, true));
    MeshDiff d = MeshDiffer.diff(mesh, s);
    assertEquals(List.of(), d.changes());
  }

  /** ctl-02's routes, each passed through {@code f}. */
  private MeshState ctl02Routes(java.util.function.UnaryOperator<LiveRoute> f) {
    return MeshFixtures.with(converged, "ctl-02", c -> MeshFixtures.withRoutes(c, c.routes().stream().map(f).toList()));
  }

  private static LiveRoute reported(LiveRoute r, Optional<String> gateway, Optional<String> iface, boolean advertise, String description) {
    return new LiveRoute(r.id(), r.cidr(), gateway, iface, advertise, r.metric(), description, r.enabled(), r.editable());
  }

  /** Real tables report an advertisement with "interface": "_notset" and no gateway (SDK stub_data.py). */
  @Test
  void meshctlsAdvertisementReportedWithNotsetIsConverged() {
    MeshState s =
        ctl02Routes(r -> r.advertise() ? reported(r, Optional.empty(), Optional.of("_notset"), true, r.description()) : r);
    assertEquals(List.of(), MeshDiffer.diff(mesh, s).changes());
    MeshState alsoGateway =
        ctl02Routes(r -> r.advertise() ? reported(r, Optional.of("_notset"), Optional.of(""), true, r.description()) : r);
    assertEquals(List.of(), MeshDiffer.diff(mesh, alsoGateway).changes());
  }

  /**
   * A mesh the vendor SDK built: its peer routes ("Peer route to local gateway",
   * cohesivenet/macros/routing.py) and advertisements ("Local subnet advertisement", posted with
   * "_notset") are the routes the spec wants. They satisfy it; meshctl neither copies nor deletes them.
   */
  @Test
  void theVendorSdksRoutesSatisfyTheSpecAndAreLeftAlone() {
    MeshState s =
        ctl02Routes(r -> !r.editable() ? r
            : r.advertise()
                ? reported(r, Optional.empty(), Optional.of("_notset"), true, "Local subnet advertisement")
                : reported(r, r.gateway(), r.iface(), false, "Peer route to local gateway"));
    MeshDiff d = MeshDiffer.diff(mesh, s);
    assertEquals(List.of(), d.changes());
    long satisfied = d.ignored().stream().filter(i -> i.address().controller().equals("ctl-02"))
        .filter(i -> i.reason().equals(Ignored.SATISFYING_ROUTE)).count();
    assertEquals(4, satisfied);
  }

  @Test
  void anUnmarkedRouteThatDiffersInAdvertiseDoesNotSatisfy() {
    MeshState s =
        ctl02Routes(r -> r.cidr().equals("10.0.3.10/32") ? reported(r, r.gateway(), r.iface(), true, "made by hand") : r);
    MeshDiff d = MeshDiffer.diff(mesh, s);
    Change c = only(d, "controller[\"ctl-02\"].route[\"10.0.3.10/32\"]");
    assertEquals(Action.CREATE, c.action());
    assertEquals(1, d.changes().size(), d.changes()::toString);
  }

  /** advertise is part of a route's identity, but a flipped flag on meshctl's route is still one replace. */
  @Test
  void aManagedRouteWithTheOtherAdvertiseFlagIsReplaced() {
    MeshState s =
        ctl02Routes(r -> r.advertise() ? reported(r, r.gateway(), Optional.of("_notset"), false, r.description()) : r);
    List<Change> changes = MeshDiffer.diff(mesh, s).changes();
    assertEquals(1, changes.size(), changes::toString);
    assertEquals(Action.REPLACE, changes.get(0).action());
    assertEquals(List.of(FieldChange.changed("advertise", false, true)), changes.get(0).fields());
    assertTrue(changes.get(0).liveId().isPresent());
  }

  @Test
  void anUnreadableControllerIsReportedAndTheOthersStillDiffed() {
    MeshState s =
        MeshFixtures.unreadable(MeshFixtures.fresh(mesh), "ctl-03", "GET /config: connection refused");
    MeshDiff d = MeshDiffer.diff(mesh, s);
    assertEquals("GET /config: connection refused", d.unreadable().get("ctl-03"));
    assertTrue(d.blocked());
    assertTrue(d.changes().stream().noneMatch(c -> c.address().controller().equals("ctl-03")));
    assertTrue(d.changes().stream().anyMatch(c -> c.address().controller().equals("ctl-04")));
  }

  @Test
  void licenseAcceptedWithOtherParametersIsAProblemNotAChange() {
    MeshState s =
        MeshFixtures.with(converged, "ctl-01", c -> new ControllerState(
            c.controller(), c.config(),
            new LicenseState(true, true, Optional.of(4), Optional.of(new LicenseParameters(
                false, Optional.of("10.99.0.0/24"), List.of(), Optional.empty(), Optional.empty(), Optional.empty()))),
            c.keyset(), c.peering(), c.routes()));
    MeshDiff d = MeshDiffer.diff(mesh, s);
    assertEquals(List.of(), d.changes());
    Diagnostic p = d.problems().get(0);
    assertEquals("controller[\"ctl-01\"].license", p.path());
    assertTrue(p.hint().orElseThrow().contains("replace the controller"));
  }

  @Test
  void aKeysetFromAnotherTopologyIsAProblem() {
    MeshState s =
        MeshFixtures.with(converged, "ctl-03", c -> new ControllerState(
            c.controller(), c.config(), c.license(),
            new KeysetState(true, false, Optional.of("deadbeef"), Optional.of(1L)),
            c.peering(), c.routes()));
    MeshDiff d = MeshDiffer.diff(mesh, s);
    assertEquals(1, d.problems().size());
    assertEquals("controller[\"ctl-03\"].keyset", d.problems().get(0).path());
    assertTrue(d.problems().get(0).message().contains("deadbeef"));
  }

  @Test
  void aControllerOfAnotherTopologyIsAProblemAndNotRenamed() {
    MeshState s =
        MeshFixtures.with(converged, "ctl-04", c -> {
          ConfigState k = c.config();
          return new ControllerState(
              c.controller(),
              new ConfigState(true, k.privateIp(), k.publicIp(), Optional.of("other"),
                  k.controllerName(), k.topologyChecksum(), k.managerId(), k.vns3Version()),
              c.license(), c.keyset(), c.peering(), c.routes());
        });
    MeshDiff d = MeshDiffer.diff(mesh, s);
    assertEquals(List.of(), d.changes());
    assertEquals("controller[\"ctl-04\"]", d.problems().get(0).path());
    assertTrue(d.problems().get(0).message().contains("\"other\""));
  }

  @Test
  void aControllerRemovedFromTheSpecLosesItsPeersAndRoutesOnTheOthers() {
    MeshSpec three = MeshFixtures.spec(3);
    DesiredMesh smaller = MeshExpander.expand(three);
    SortedMap<String, dev.meshctl.engine.live.ControllerObservation> m = new TreeMap<>(converged.controllers());
    m.remove("ctl-04");
    MeshDiff d = MeshDiffer.diff(smaller, new MeshState(m));
    // each of 3 controllers: delete peer[4] and its /32 route
    assertEquals(6, d.changes().size(), d.changes()::toString);
    assertTrue(d.changes().stream().allMatch(c -> c.action() == Action.DELETE));
    assertEquals(Action.DELETE, only(d, "controller[\"ctl-01\"].route[\"10.0.4.10/32\"]").action());
  }

  private static LiveRoute route(String id, String cidr, String description) {
    return new LiveRoute(id, cidr, Optional.of("10.0.2.1"), Optional.of("eth0"), false, 0, description, true, true);
  }

  /** The converged state with ctl-02's peer route to ctl-03 (10.0.3.10/32) edited. */
  private MeshState withRouteToCtl03(UnaryOperator<LiveRoute> edit) {
    return MeshFixtures.with(
        converged,
        "ctl-02",
        c -> MeshFixtures.withRoutes(
            c, c.routes().stream().map(r -> r.cidr().equals("10.0.3.10/32") ? edit.apply(r) : r).toList()));
  }
}
