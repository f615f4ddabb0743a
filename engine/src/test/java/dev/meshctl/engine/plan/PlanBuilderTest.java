package dev.meshctl.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.engine.address.ResourceAddress;
import dev.meshctl.engine.desired.DesiredMesh;
import dev.meshctl.engine.desired.MeshExpander;
import dev.meshctl.engine.diff.MeshDiff;
import dev.meshctl.engine.diff.MeshDiffer;
import dev.meshctl.engine.diff.MeshFixtures;
import dev.meshctl.engine.live.LiveRoute;
import dev.meshctl.engine.live.MeshState;
import dev.meshctl.engine.live.PeerLink;
import dev.meshctl.engine.render.HumanRenderer;
import dev.meshctl.engine.render.Style;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class PlanBuilderTest {
  private final DesiredMesh mesh = MeshExpander.expand(MeshFixtures.spec(3));
  private final Plan fresh = plan(MeshFixtures.fresh(mesh));

  private Plan plan(MeshState s) {
    return PlanBuilder.build(mesh, MeshDiffer.diff(mesh, s), s);
  }

  private static PlanAction find(Plan p, Class<? extends PlanAction> type, String controller) {
    return find(p, type, controller, a -> true);
  }

  private static PlanAction find(
      Plan p, Class<? extends PlanAction> type, String controller, Predicate<PlanAction> test) {
    List<PlanAction> l =
        p.order().stream()
            .filter(a -> type.isInstance(a) && a.controller().equals(controller) && test.test(a))
            .toList();
    assertEquals(1, l.size(), () -> type.getSimpleName() + " on " + controller + ": " + l);
    return l.get(0);
  }

  private static void assertEdge(Plan p, PlanAction before, PlanAction after) {
    assertTrue(
        p.graph().containsEdge(before, after), () -> "expected " + before + " -> " + after);
    assertTrue(p.order().indexOf(before) < p.order().indexOf(after));
  }

  private static CreatePeer peer(Plan p, String controller, int id) {
    return (CreatePeer) find(p, CreatePeer.class, controller, a -> ((CreatePeer) a).peerId() == id);
  }

  private static CreateRoute route(Plan p, String controller, String cidr) {
    return (CreateRoute) find(p, CreateRoute.class, controller, a -> ((CreateRoute) a).cidr().equals(cidr));
  }

  @Test
  void licenseIsUploadedThenAcceptedThenTheRootGeneratesTheKeyset() {
    PlanAction upload = find(fresh, UploadLicense.class, "ctl-01");
    PlanAction accept = find(fresh, AcceptLicenseParameters.class, "ctl-01");
    PlanAction generate = find(fresh, GenerateKeyset.class, "ctl-01");
    assertEdge(fresh, upload, accept);
    assertEdge(fresh, accept, generate);
    // The root is named first, before its license, as the vendor's tools do.
    PlanAction names = find(fresh, SetNames.class, "ctl-01");
    assertEquals(Set.of(names), fresh.dependencies(upload));
    assertEquals(Set.of(), fresh.dependencies(names));
    assertEquals(0, fresh.order().indexOf(names));
  }

  @Test
  void everyOtherControllerFetchesTheKeysetAfterTheRootHasIt() {
    PlanAction generate = find(fresh, GenerateKeyset.class, "ctl-01");
    for (String c : List.of("ctl-02", "ctl-03")) {
      PlanAction fetch = find(fresh, FetchKeyset.class, c);
      assertEquals(Set.of(generate), fresh.dependencies(fetch));
      assertEquals("10.0.1.10", ((FetchKeyset) fetch).sourceIp());
    }
  }

  @Test
  void namesAndPeerIdComeAfterADownloadedKeyset() {
    for (String c : List.of("ctl-02", "ctl-03")) {
      PlanAction fetch = find(fresh, FetchKeyset.class, c);
      assertEquals(Set.of(fetch), fresh.dependencies(find(fresh, SetNames.class, c)));
      assertEquals(Set.of(fetch), fresh.dependencies(find(fresh, SetPeerId.class, c)));
    }
    PlanAction generate = find(fresh, GenerateKeyset.class, "ctl-01");
    assertEquals(Set.of(generate), fresh.dependencies(find(fresh, SetPeerId.class, "ctl-01")));
  }

  @Test
  void routesComeAfterTheControllerIsLicensed() {
    PlanAction accept = find(fresh, AcceptLicenseParameters.class, "ctl-01");
    assertEquals(Set.of(accept), fresh.dependencies(route(fresh, "ctl-01", "10.0.2.10/32")));
    PlanAction fetch = find(fresh, FetchKeyset.class, "ctl-02");
    assertEquals(Set.of(fetch), fresh.dependencies(route(fresh, "ctl-02", "10.0.2.0/24")));
  }

  @Test
  void aPeerLinkWaitsForItsOwnIdThePeerRouteAndThePeersKeyset() {
    CreatePeer link = peer(fresh, "ctl-02", 3);
    assertEquals(
        Set.of(
            find(fresh, SetPeerId.class, "ctl-02"),
            route(fresh, "ctl-02", "10.0.3.10/32"),
            find(fresh, FetchKeyset.class, "ctl-03")),
        fresh.dependencies(link));
    CreatePeer toRoot = peer(fresh, "ctl-02", 1);
    assertTrue(fresh.dependencies(toRoot).contains(find(fresh, GenerateKeyset.class, "ctl-01")));
  }

  @Test
  void prerequisitesAlreadyMetGiveNoEdges() {
    MeshState s =
        MeshFixtures.with(MeshFixtures.converged(mesh), "ctl-02", c -> {
          SortedMap<Integer, PeerLink> peers = new TreeMap<>(c.peering().peers());
          peers.remove(3);
          return MeshFixtures.withPeers(c, peers);
        });
    Plan p = plan(s);
    assertEquals(1, p.order().size());
    assertEquals(Set.of(), p.dependencies(peer(p, "ctl-02", 3)));
  }

  @Test
  void aMissingPeerRouteComesBeforeTheLinkThatUsesIt() {
    MeshState s =
        MeshFixtures.with(MeshFixtures.converged(mesh), "ctl-02", c -> {
          SortedMap<Integer, PeerLink> peers = new TreeMap<>(c.peering().peers());
          peers.remove(3);
          List<LiveRoute> routes =
              c.routes().stream().filter(r -> !r.cidr().equals("10.0.3.10/32")).toList();
          return MeshFixtures.withRoutes(MeshFixtures.withPeers(c, peers), routes);
        });
    Plan p = plan(s);
    CreateRoute r = route(p, "ctl-02", "10.0.3.10/32");
    assertEquals(Set.of(r), p.dependencies(peer(p, "ctl-02", 3)));
    assertEquals(Set.of(), p.dependencies(r));
  }

  @Test
  void aReplacedRouteIsDeletedBeforeItIsCreatedAgainAndDeletesWaitForNothing() {
    MeshState s =
        MeshFixtures.with(MeshFixtures.converged(mesh), "ctl-02", c -> {
          List<LiveRoute> routes = new ArrayList<>();
          for (LiveRoute r : c.routes()) {
            routes.add(
                r.cidr().equals("10.0.3.10/32")
                    ? new LiveRoute(r.id(), r.cidr(), r.gateway(), r.iface(), r.advertise(), 9,
                        r.description(), true, true)
                    : r);
          }
          routes.add(new LiveRoute("77", "172.20.0.0/16", Optional.empty(), Optional.of("eth0"),
              false, 0, "meshctl: gone", true, true));
          return MeshFixtures.withRoutes(c, routes);
        });
    Plan p = plan(s);
    DeleteRoute old =
        (DeleteRoute) find(p, DeleteRoute.class, "ctl-02", a -> ((DeleteRoute) a).cidr().equals("10.0.3.10/32"));
    CreateRoute fresh = route(p, "ctl-02", "10.0.3.10/32");
    assertEdge(p, old, fresh);
    assertEquals(Set.of(old), p.dependencies(fresh));
    DeleteRoute gone =
        (DeleteRoute) find(p, DeleteRoute.class, "ctl-02", a -> ((DeleteRoute) a).routeId().equals("77"));
    assertEquals(Set.of(), p.dependencies(gone));
    assertEquals(ResourceAddress.route("ctl-02", "172.20.0.0/16"), gone.address());
  }

  @Test
  void theSamePlanRendersByteIdenticallyWhateverTheReadOrder() {
    MeshState s = MeshFixtures.fresh(mesh);
    MeshState shuffled =
        MeshFixtures.with(s, "ctl-02", c -> {
          List<LiveRoute> routes = new ArrayList<>(c.routes());
          routes.add(new LiveRoute("9", "172.16.0.0/12", Optional.empty(), Optional.empty(), false,
              0, "by hand", true, true));
          routes.add(new LiveRoute("8", "172.17.0.0/16", Optional.empty(), Optional.empty(), false,
              0, "by hand", true, true));
          Collections.shuffle(routes, new Random(7));
          return MeshFixtures.withRoutes(c, routes);
        });
    MeshState ordered =
        MeshFixtures.with(shuffled, "ctl-02", c -> {
          List<LiveRoute> routes = new ArrayList<>(c.routes());
          routes.sort(java.util.Comparator.comparing(LiveRoute::id));
          return MeshFixtures.withRoutes(c, routes);
        });
    HumanRenderer human = new HumanRenderer(Style.PLAIN);
    MeshDiff d1 = MeshDiffer.diff(mesh, shuffled);
    MeshDiff d2 = MeshDiffer.diff(mesh, ordered);
    assertEquals(human.diff(d1), human.diff(d2));
    assertEquals(
        human.plan(PlanBuilder.build(mesh, d1, shuffled), d1),
        human.plan(PlanBuilder.build(mesh, d2, ordered), d2));
  }

  @Test
  void unreadableControllersAndProblemsBlockThePlan() {
    MeshState s =
        MeshFixtures.unreadable(MeshFixtures.fresh(mesh), "ctl-03", "GET /config: connection refused");
    Plan p = plan(s);
    assertEquals(1, p.blocking().size());
    assertEquals("controller[\"ctl-03\"]", p.blocking().get(0).path());
    assertEquals(StateFingerprint.UNREADABLE, p.fingerprints().get("ctl-03"));
    assertEquals(64, p.fingerprints().get("ctl-01").length());
    assertTrue(p.order().stream().noneMatch(a -> a.controller().equals("ctl-03")));
  }
}
