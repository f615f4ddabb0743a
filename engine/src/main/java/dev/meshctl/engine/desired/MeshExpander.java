package dev.meshctl.engine.desired;

import dev.meshctl.dsl.model.ControllerSpec;
import dev.meshctl.dsl.model.LinkSpec;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.dsl.model.PeerAddress;
import dev.meshctl.dsl.model.RouteSpec;
import dev.meshctl.engine.address.ResourceAddress;
import dev.meshctl.engine.live.LicenseParametersDigest;
import dev.meshctl.engine.live.MeshState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Expands a spec into the explicit resources every controller must have: names, the root's
 * license, keysets, peer IDs, the peer map, peer routes, subnet advertisements and extra routes.
 * Pure: the same spec and live peer IDs always give the same {@link DesiredMesh}. The live peer IDs
 * are an input because a controller keeps the ID it has (see {@link PeerIdAssignment}).
 */
public final class MeshExpander {
  /** The interface peer routes leave by: the controller's cloud-facing NIC. */
  public static final String PEER_ROUTE_INTERFACE = "eth0";

  private static final Comparator<DesiredRoute> ROUTE_ORDER =
      Comparator.comparing(DesiredRoute::address)
          .thenComparing(r -> r.iface().orElse(""))
          .thenComparing(r -> r.gateway().orElse(""));

  private MeshExpander() {}

  /**
   * The spec as controllers that have no peer IDs yet would get it: what the spec alone says, e.g.
   * for a digest of what its references resolved to.
   */
  public static DesiredMesh expand(MeshSpec spec) {
    return expand(spec, Map.of());
  }

  /** The spec against the controllers as {@code live} shows them: each keeps its peer ID. */
  public static DesiredMesh expand(MeshSpec spec, MeshState live) {
    return expand(spec, PeerIdAssignment.live(live));
  }

  /** The spec, given each controller's live peer ID by name (absent where it has none). */
  public static DesiredMesh expand(MeshSpec spec, Map<String, Integer> livePeerIds) {
    Map<String, Integer> peerIds = PeerIdAssignment.assign(spec, livePeerIds);
    Map<String, Addressing> addressing = new HashMap<>();
    for (ControllerSpec c : spec.controllers()) {
      addressing.put(c.name(), Addressing.of(c, peerIds.get(c.name()), spec.peering().address()));
    }
    Map<String, Map<String, Integer>> links = links(spec);
    ControllerSpec root = spec.rootController();
    SortedMap<String, DesiredController> controllers = new TreeMap<>();
    for (ControllerSpec c : spec.controllers()) {
      controllers.put(
          c.name(), controller(spec, c, root, addressing, links.getOrDefault(c.name(), Map.of())));
    }
    return new DesiredMesh(spec.topology(), spec.root(), controllers);
  }

  private static DesiredController controller(
      MeshSpec spec,
      ControllerSpec c,
      ControllerSpec root,
      Map<String, Addressing> addressing,
      Map<String, Integer> linkMtus) {
    String name = c.name();
    boolean isRoot = c.name().equals(root.name());
    Addressing own = addressing.get(name);

    SortedMap<Integer, DesiredPeer> peers = new TreeMap<>();
    for (Map.Entry<String, Integer> link : linkMtus.entrySet()) {
      Addressing peer = addressing.get(link.getKey());
      peers.put(
          peer.peerId,
          new DesiredPeer(
              ResourceAddress.peer(name, peer.peerId),
              peer.peerId,
              peer.name,
              peer.peerAddress,
              peer.privateIp,
              link.getValue()));
    }

    List<DesiredRoute> routes = new ArrayList<>();
    if (spec.routing().peerRoutes()) {
      for (DesiredPeer p : peers.values()) {
        Addressing peer = addressing.get(p.peerController());
        routes.add(
            new DesiredRoute(
                ResourceAddress.route(name, peer.hostRoute),
                peer.hostRoute,
                Optional.of(own.gateway),
                Optional.of(PEER_ROUTE_INTERFACE),
                false,
                RouteSpec.DEFAULT_METRIC,
                RouteMarker.describe("peer route to " + peer.name),
                "peer route to " + peer.name));
      }
    }
    if (spec.routing().advertiseSubnets()) {
      routes.add(
          new DesiredRoute(
              ResourceAddress.route(name, own.network),
              own.network,
              Optional.empty(),
              Optional.empty(),
              true,
              RouteSpec.DEFAULT_METRIC,
              RouteMarker.describe("advertise subnet"),
              "advertise subnet"));
    }
    for (RouteSpec r : c.routes()) {
      String cidr = Cidrs.canonical(r.cidr());
      routes.add(
          new DesiredRoute(
              ResourceAddress.route(name, cidr),
              cidr,
              RouteIdentity.given(r.gateway()),
              RouteIdentity.given(r.iface()),
              r.advertise(),
              r.metric(),
              RouteMarker.describe(r.description().orElse("extra route")),
              "extra route"));
    }

    return new DesiredController(
        name,
        c.privateIp(),
        new DesiredNames(ResourceAddress.names(name), spec.topology(), c.controllerName()),
        isRoot
            ? Optional.of(
                new DesiredLicense(
                    ResourceAddress.license(name),
                    spec.license().parameters(),
                    LicenseParametersDigest.of(spec.license().parameters())))
            : Optional.empty(),
        isRoot
            ? new DesiredKeyset(ResourceAddress.keyset(name), Optional.empty(), Optional.empty())
            : new DesiredKeyset(
                ResourceAddress.keyset(name), Optional.of(root.name()), Optional.of(root.privateIp())),
        new DesiredPeerId(ResourceAddress.peerId(name), own.peerId),
        peers,
        dedupe(routes));
  }

  /**
   * Peer links by controller, then by peer name, with the link's MTU: every other controller in
   * a full mesh, the listed links otherwise; both halves of every link.
   */
  private static Map<String, Map<String, Integer>> links(MeshSpec spec) {
    int defaultMtu = spec.peering().overlayMtu();
    Map<String, Map<String, Integer>> links = new HashMap<>();
    Set<String> names =
        spec.controllers().stream().map(ControllerSpec::name).collect(Collectors.toSet());
    if (spec.peering().fullMesh()) {
      for (ControllerSpec a : spec.controllers()) {
        Map<String, Integer> mine = links.computeIfAbsent(a.name(), k -> new HashMap<>());
        for (ControllerSpec b : spec.controllers()) {
          if (!a.name().equals(b.name())) {
            mine.put(b.name(), defaultMtu);
          }
        }
      }
    }
    for (LinkSpec l : spec.peering().links()) {
      // The loader rejects unknown names and self links; skip them here too rather than fail.
      if (!names.contains(l.a()) || !names.contains(l.b()) || l.a().equals(l.b())) {
        continue;
      }
      int mtu = mtu(l.overlayMtu(), defaultMtu);
      links.computeIfAbsent(l.a(), k -> new HashMap<>()).put(l.b(), mtu);
      links.computeIfAbsent(l.b(), k -> new HashMap<>()).put(l.a(), mtu);
    }
    return links;
  }

  private static int mtu(OptionalInt linkMtu, int defaultMtu) {
    return linkMtu.isPresent() ? linkMtu.getAsInt() : defaultMtu;
  }

  /** The first route of each identity wins: a spec route repeating a derived one adds nothing. */
  private static List<DesiredRoute> dedupe(List<DesiredRoute> routes) {
    Set<RouteIdentity> seen = new HashSet<>();
    return routes.stream().filter(r -> seen.add(r.identity())).sorted(ROUTE_ORDER).toList();
  }

  /** A controller's addresses, computed once however many peers refer to them. */
  private record Addressing(
      String name,
      int peerId,
      String privateIp,
      String peerAddress,
      String hostRoute,
      String network,
      String gateway) {

    static Addressing of(ControllerSpec c, int peerId, PeerAddress use) {
      String peerAddress =
          switch (use) {
            case PRIVATE_IP -> c.privateIp();
            case PUBLIC_IP -> c.publicIp().orElse(c.privateIp());
            case DNS_NAME -> c.dnsName().orElse(c.privateIp());
          };
      return new Addressing(
          c.name(),
          peerId,
          c.privateIp(),
          peerAddress,
          Cidrs.hostRoute(c.privateIp()),
          Cidrs.network(c.subnet()),
          Cidrs.firstAddress(c.subnet()));
    }
  }
}
