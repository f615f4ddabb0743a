package dev.meshctl.engine.diff;

import dev.meshctl.dsl.model.ApiAccess;
import dev.meshctl.dsl.model.ControllerSpec;
import dev.meshctl.dsl.model.Endpoint;
import dev.meshctl.dsl.model.ExecutionSpec;
import dev.meshctl.dsl.model.LicenseParameters;
import dev.meshctl.dsl.model.LicenseSpec;
import dev.meshctl.dsl.model.LinkSpec;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.dsl.model.PeerAddress;
import dev.meshctl.dsl.model.PeeringSpec;
import dev.meshctl.dsl.model.RouteSpec;
import dev.meshctl.dsl.model.RoutingSpec;
import dev.meshctl.dsl.model.Secret;
import dev.meshctl.dsl.model.TlsSpec;
import dev.meshctl.engine.desired.DesiredController;
import dev.meshctl.engine.desired.DesiredMesh;
import dev.meshctl.engine.desired.DesiredPeer;
import dev.meshctl.engine.desired.DesiredRoute;
import dev.meshctl.engine.live.ConfigState;
import dev.meshctl.engine.live.ControllerObservation;
import dev.meshctl.engine.live.ControllerState;
import dev.meshctl.engine.live.KeysetState;
import dev.meshctl.engine.live.LicenseState;
import dev.meshctl.engine.live.LiveRoute;
import dev.meshctl.engine.live.MeshState;
import dev.meshctl.engine.live.PeerLink;
import dev.meshctl.engine.live.PeeringState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** Specs and live states for tests, built in code: n controllers, fresh or converged. */
public final class MeshFixtures {
  public static final String TOPOLOGY = "demo";
  public static final String KEYSET_CHECKSUM = "c0ffee";
  public static final String SYSTEM_ROUTE_ID = "1";

  private MeshFixtures() {}

  /** {@code ctl-01} .. {@code ctl-NN}, subnet 10.0.i.0/24, private IP 10.0.i.10, full mesh. */
  public static MeshSpec spec(int n) {
    return spec(n, true, List.of());
  }

  public static MeshSpec spec(int n, boolean fullMesh, List<LinkSpec> links) {
    List<ControllerSpec> controllers = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      controllers.add(controller(i));
    }
    return new MeshSpec(
        Path.of("mesh.yaml"),
        TOPOLOGY,
        controllers,
        name(1),
        new LicenseSpec(Path.of("license.txt"), Secret.of("LICENSE-TEXT"), LicenseParameters.DEFAULT),
        Secret.of("keyset-token"),
        new PeeringSpec(fullMesh, links, PeerAddress.PRIVATE_IP, PeeringSpec.DEFAULT_MTU),
        new RoutingSpec(true, true),
        ExecutionSpec.withTimeouts(ExecutionSpec.DEFAULT_REBOOT_TIMEOUT, ExecutionSpec.DEFAULT_KEYSET_TIMEOUT));
  }

  public static String name(int i) {
    return String.format("ctl-%02d", i);
  }

  public static String privateIp(int i) {
    return "10." + (i / 250) + "." + (i % 250) + ".10";
  }

  public static ControllerSpec controller(int i) {
    return new ControllerSpec(
        name(i),
        new Endpoint("http", "127.0.0.1", 8000 + i),
        privateIp(i),
        "10." + (i / 250) + "." + (i % 250) + ".0/24",
        Optional.empty(),
        Optional.empty(),
        OptionalInt.of(i),
        Optional.empty(),
        new ApiAccess(
            ApiAccess.DEFAULT_USERNAME,
            Optional.of(Secret.of("pw")),
            Optional.empty(),
            TlsSpec.SYSTEM,
            Duration.ofSeconds(5),
            Duration.ofSeconds(30)),
        List.of());
  }

  /** The spec with one controller changed. */
  public static MeshSpec withController(MeshSpec spec, String name, UnaryOperator<ControllerSpec> f) {
    List<ControllerSpec> cs =
        spec.controllers().stream().map(c -> c.name().equals(name) ? f.apply(c) : c).toList();
    return new MeshSpec(
        spec.source(), spec.topology(), cs, spec.root(), spec.license(), spec.keysetToken(),
        spec.peering(), spec.routing(), spec.execution());
  }

  public static ControllerSpec withRoutes(ControllerSpec c, List<RouteSpec> routes) {
    return new ControllerSpec(
        c.name(), c.endpoint(), c.privateIp(), c.subnet(), c.publicIp(), c.dnsName(), c.peerId(),
        c.controllerName(), c.api(), routes);
  }

  /** Every controller of the spec as a fresh, unlicensed appliance. */
  public static MeshState fresh(DesiredMesh mesh) {
    SortedMap<String, ControllerObservation> m = new TreeMap<>();
    for (DesiredController c : mesh.controllers().values()) {
      m.put(c.name(), new ControllerObservation.Observed(freshController(c)));
    }
    return new MeshState(m);
  }

  public static ControllerState freshController(DesiredController c) {
    return new ControllerState(
        c.name(),
        new ConfigState(
            false, Optional.of(c.privateIp()), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.of("6.0.0")),
        LicenseState.ABSENT,
        KeysetState.ABSENT,
        new PeeringState(Optional.empty(), new TreeMap<>()),
        List.of(systemRoute()));
  }

  /** Every controller exactly as the spec wants it. */
  public static MeshState converged(DesiredMesh mesh) {
    SortedMap<String, ControllerObservation> m = new TreeMap<>();
    for (DesiredController c : mesh.controllers().values()) {
      m.put(c.name(), new ControllerObservation.Observed(convergedController(mesh, c)));
    }
    return new MeshState(m);
  }

  public static ControllerState convergedController(DesiredMesh mesh, DesiredController c) {
    SortedMap<Integer, PeerLink> peers = new TreeMap<>();
    peers.put(c.peerId().peerId(), new PeerLink(c.peerId().peerId(), c.privateIp(), true, 1500, true, false));
    for (DesiredPeer p : c.peers().values()) {
      peers.put(p.peerId(), new PeerLink(p.peerId(), p.peerAddress(), true, p.mtu(), false, false));
    }
    List<LiveRoute> routes = new ArrayList<>();
    routes.add(systemRoute());
    int id = 2;
    for (DesiredRoute r : c.routes()) {
      routes.add(
          new LiveRoute(
              Integer.toString(id++), r.cidr(), r.gateway(), r.iface(), r.advertise(), r.metric(),
              r.description(), true, true));
    }
    return new ControllerState(
        c.name(),
        new ConfigState(
            true, Optional.of(c.privateIp()), Optional.empty(), Optional.of(mesh.topology()),
            c.names().controllerName(), Optional.of("topo-sum"), Optional.of(c.peerId().peerId()),
            Optional.of("6.0.0")),
        new LicenseState(
            true,
            true,
            Optional.of(mesh.controllers().size()),
            Optional.of(mesh.rootController().license().orElseThrow().parameters())),
        new KeysetState(true, false, Optional.of(KEYSET_CHECKSUM), Optional.of(1L)),
        new PeeringState(Optional.of(c.peerId().peerId()), peers),
        routes);
  }

  public static LiveRoute systemRoute() {
    return new LiveRoute(
        SYSTEM_ROUTE_ID, "224.0.0.0/4", Optional.empty(), Optional.of("tun0"), false, 0,
        "Multicast (auto-added)", true, false);
  }

  /** The state with one controller's observation replaced. */
  public static MeshState with(MeshState s, String name, UnaryOperator<ControllerState> f) {
    SortedMap<String, ControllerObservation> m = new TreeMap<>(s.controllers());
    m.put(name, new ControllerObservation.Observed(f.apply(s.observed(name).orElseThrow())));
    return new MeshState(m);
  }

  public static MeshState unreadable(MeshState s, String name, String reason) {
    SortedMap<String, ControllerObservation> m = new TreeMap<>(s.controllers());
    m.put(name, new ControllerObservation.Unreadable(name, reason));
    return new MeshState(m);
  }

  public static ControllerState withPeers(ControllerState s, SortedMap<Integer, PeerLink> peers) {
    return new ControllerState(
        s.controller(), s.config(), s.license(), s.keyset(),
        new PeeringState(s.peering().selfId(), peers), s.routes());
  }

  public static ControllerState withRoutes(ControllerState s, List<LiveRoute> routes) {
    return new ControllerState(s.controller(), s.config(), s.license(), s.keyset(), s.peering(), routes);
  }
}
