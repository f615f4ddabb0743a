package dev.meshctl.engine.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.dsl.load.LoadOptions;
import dev.meshctl.dsl.load.LoadResult;
import dev.meshctl.dsl.load.SpecLoader;
import dev.meshctl.dsl.model.LinkSpec;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.dsl.model.RouteSpec;
import dev.meshctl.engine.desired.DesiredMesh;
import dev.meshctl.engine.desired.MeshExpander;
import dev.meshctl.engine.diff.MeshDiff;
import dev.meshctl.engine.diff.MeshDiffer;
import dev.meshctl.engine.diff.MeshFixtures;
import dev.meshctl.engine.live.ConfigState;
import dev.meshctl.engine.live.ControllerState;
import dev.meshctl.engine.live.LiveRoute;
import dev.meshctl.engine.live.MeshState;
import dev.meshctl.engine.live.PeerLink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spec inferred from a converged mesh asks for no change, whatever the mesh's shape. */
class SpecInferenceTest {
  static final ImportOptions OPTIONS =
      new ImportOptions("api", Optional.of("PW"), Optional.empty(), "KT", Optional.empty(), Optional.empty(), false, "./license.txt");

  @TempDir Path dir;

  @Test
  void fullMeshRoundTrips() throws IOException {
    String yaml = roundTrip(MeshFixtures.spec(3));
    assertTrue(yaml.contains("mode: full_mesh"), yaml);
    assertTrue(yaml.contains("password: ${env:PW}"), yaml);
    assertTrue(yaml.contains("token: ${env:KT}"), yaml);
    assertTrue(yaml.contains("parameters: {default: true}"), yaml);
    assertFalse(yaml.contains("peer_id:"), "peer IDs follow the order:\n" + yaml);
  }

  @Test
  void explicitLinksWithAnMtuAndExtraRoutesRoundTrip() throws IOException {
    MeshSpec spec =
        MeshFixtures.spec(
            4, false,
            List.of(
                new LinkSpec(MeshFixtures.name(1), MeshFixtures.name(2), OptionalInt.empty()),
                new LinkSpec(MeshFixtures.name(2), MeshFixtures.name(3), OptionalInt.of(1400)),
                new LinkSpec(MeshFixtures.name(3), MeshFixtures.name(4), OptionalInt.empty())));
    spec =
        MeshFixtures.withController(
            spec, MeshFixtures.name(3),
            c -> MeshFixtures.withRoutes(
                c, List.of(new RouteSpec("192.168.0.0/16", Optional.of("10.0.3.1"), Optional.empty(), true, 5, Optional.of("lab")))));
    String yaml = roundTrip(spec);
    assertTrue(yaml.contains("mode: explicit"), yaml);
    assertTrue(yaml.contains("- between: [ctl-02, ctl-03]\n      overlay_mtu: 1400"), yaml);
    assertTrue(yaml.contains("- cidr: 192.168.0.0/16"), yaml);
  }

  @Test
  void unmanagedRoutesAreCommentsAndUnreadableControllersAreErrors() {
    MeshState state =
        withRouteOnCtl02(new LiveRoute("9", "172.16.0.0/12", Optional.of("10.0.2.1"), Optional.of("eth0"), false, 0, "vpn", true, true));
    ImportResult ok = SpecInference.infer(targets(MeshFixtures.spec(2)), state, OPTIONS);
    assertTrue(ok.yaml().orElseThrow().contains(
        "  # unmanaged route on ctl-02: 172.16.0.0/12 via 10.0.2.1 dev eth0 \"vpn\" — add it under routes: to manage it\n  - name: ctl-02\n"),
        ok.yaml().get());

    ImportResult failed =
        SpecInference.infer(targets(MeshFixtures.spec(2)), MeshFixtures.unreadable(state, MeshFixtures.name(1), "GET /config: connection refused"), OPTIONS);
    assertFalse(failed.ok());
    assertEquals(
        "error: controller \"ctl-01\" (127.0.0.1:8001): cannot read: GET /config: connection refused (ctl-01)",
        failed.diagnostics().get(0).format());
  }

  @Test
  void importingPartOfAMeshIsRefusedNamingThePeersLeftOut() {
    MeshState state = MeshFixtures.converged(MeshExpander.expand(MeshFixtures.spec(3)));
    List<ImportTarget> two = targets(MeshFixtures.spec(3)).subList(0, 2);
    ImportResult r = SpecInference.infer(two, state, OPTIONS);
    assertFalse(r.ok(), () -> r.yaml().orElse(""));
    assertEquals(1, r.diagnostics().size(), r.diagnostics()::toString);
    String message = r.diagnostics().get(0).format();
    assertTrue(message.startsWith("error: peer ID 3 (" + MeshFixtures.privateIp(3) + ") is linked from ctl-01, ctl-02 but is not"
        + " among the controllers imported"), message);
    assertTrue(message.endsWith("add --endpoint NAME=HOST for the controller at " + MeshFixtures.privateIp(3)), message);

    assertTrue(SpecInference.infer(targets(MeshFixtures.spec(3)), state, OPTIONS).ok());
  }

  @Test
  void theSubnetOfAnSdkBuiltControllerIsItsAdvertisedRoute() {
    // As the vendor SDK's peering_mesh example leaves a controller: its peer routes and its
    // subnet advertisement, none of them marked as meshctl's; the advertisement's cidr written
    // with host bits set, which the subnet must not copy.
    MeshState state = MeshFixtures.converged(MeshExpander.expand(MeshFixtures.spec(2)));
    for (int i = 1; i <= 2; i++) {
      int other = 3 - i;
      String advertised = i == 1 ? "10.0.1.0/24" : "10.0.2.10/24";
      state = MeshFixtures.with(state, MeshFixtures.name(i), s -> MeshFixtures.withRoutes(s, List.of(
          MeshFixtures.systemRoute(),
          new LiveRoute("2", MeshFixtures.privateIp(other) + "/32", Optional.of("10.0." + s.controller().substring(5) + ".1"),
              Optional.of("eth0"), false, 0, "Peer route to local gateway", true, true),
          new LiveRoute("3", advertised, Optional.empty(), Optional.of("_notset"), true, 0, "Local subnet advertisement", true, true))));
    }
    ImportResult result = SpecInference.infer(targets(MeshFixtures.spec(2)), state, OPTIONS);
    String yaml = result.yaml().orElseThrow();
    assertTrue(yaml.contains("private_ip: 10.0.1.10\n    subnet: 10.0.1.0/24\n"), yaml);
    assertTrue(yaml.contains("private_ip: 10.0.2.10\n    subnet: 10.0.2.0/24\n"), yaml);
    assertFalse(yaml.contains("a guess"), yaml);
    assertTrue(result.diagnostics().stream().noneMatch(d -> d.format().contains("guess")), result.diagnostics()::toString);
    loads(yaml);
  }

  @Test
  void aSubnetNoRouteShowsIsAGuessThatValidates() {
    // Two controllers in one /24 and no route holding either: the old guess (10.0.1.10/24 and
    // 10.0.1.140/24) had host bits set and overlapped, so the imported spec did not validate.
    MeshState state = MeshFixtures.converged(MeshExpander.expand(MeshFixtures.spec(2)));
    List<String> ips = List.of("10.0.1.10", "10.0.1.140");
    for (int i = 1; i <= 2; i++) {
      String ip = ips.get(i - 1);
      state = MeshFixtures.with(state, MeshFixtures.name(i), s -> {
        ConfigState c = s.config();
        ConfigState moved = new ConfigState(c.licensed(), Optional.of(ip), c.publicIp(), c.topologyName(),
            c.controllerName(), c.topologyChecksum(), c.managerId(), c.vns3Version());
        SortedMap<Integer, PeerLink> peers = new TreeMap<>();
        s.peering().peers().forEach((id, l) -> peers.put(id, new PeerLink(id, l.self() ? l.address() : ips.get(id - 1), l.reachable(), l.mtu(), l.self(), l.notSet())));
        ControllerState relocated = new ControllerState(s.controller(), moved, s.license(), s.keyset(), s.peering(), List.of(MeshFixtures.systemRoute()));
        return MeshFixtures.withPeers(relocated, peers);
      });
    }
    ImportResult result = SpecInference.infer(targets(MeshFixtures.spec(2)), state, OPTIONS);
    String yaml = result.yaml().orElseThrow();
    assertTrue(yaml.contains("private_ip: 10.0.1.10\n    # a guess: no route on the controller shows its subnet; correct it\n    subnet: 10.0.1.0/25\n"), yaml);
    assertTrue(yaml.contains("private_ip: 10.0.1.140\n    # a guess: no route on the controller shows its subnet; correct it\n    subnet: 10.0.1.128/25\n"), yaml);
    assertEquals(2, result.diagnostics().stream().filter(d -> d.format().contains("is a guess: correct it")).count(), result.diagnostics()::toString);
    loads(yaml);
  }

  @Test
  void controllersWithoutPeerLinksImportAsASpecThatValidates() {
    // Licensed and named, not peered yet: "explicit" with no links does not validate.
    MeshState state = MeshFixtures.converged(MeshExpander.expand(MeshFixtures.spec(3)));
    for (int i = 1; i <= 3; i++) {
      state = MeshFixtures.with(state, MeshFixtures.name(i), s -> {
        SortedMap<Integer, PeerLink> self = new TreeMap<>();
        s.peering().peers().forEach((id, l) -> self.put(id, l.self() ? l : new PeerLink(id, "", false, 1500, false, true)));
        return MeshFixtures.withPeers(s, self);
      });
    }
    ImportResult result = SpecInference.infer(targets(MeshFixtures.spec(3)), state, OPTIONS);
    String yaml = result.yaml().orElseThrow();
    assertTrue(yaml.contains("peering:\n  # no peer links are configured yet: full_mesh is a choice, correct it\n  mode: full_mesh\n"), yaml);
    assertTrue(result.diagnostics().stream().anyMatch(d -> d.format().contains("no peer links are configured")), result.diagnostics()::toString);
    loads(yaml);
  }

  /** An extra route as real tables report one without an interface: "_notset" is not written back. */
  @Test
  void anExtraRouteReportedWithNotsetIsWrittenWithoutIt() {
    MeshState state =
        withRouteOnCtl02(new LiveRoute("9", "192.168.0.0/16", Optional.empty(), Optional.of("_notset"), true, 0, "meshctl: lab", true, true));
    String yaml = SpecInference.infer(targets(MeshFixtures.spec(2)), state, OPTIONS).yaml().orElseThrow();
    assertTrue(yaml.contains("      - cidr: 192.168.0.0/16\n        advertise: true\n"), yaml);
    assertFalse(yaml.contains("_notset"), yaml);
  }

  @Test
  void anUnmanagedRouteReportedWithNotsetIsDescribedWithoutIt() {
    MeshState state =
        withRouteOnCtl02(new LiveRoute("9", "172.16.0.0/12", Optional.of("10.0.2.1"), Optional.of("_notset"), false, 0, "vpn", true, true));
    String yaml = SpecInference.infer(targets(MeshFixtures.spec(2)), state, OPTIONS).yaml().orElseThrow();
    assertTrue(yaml.contains("  # unmanaged route on ctl-02: 172.16.0.0/12 via 10.0.2.1 \"vpn\" — add it"), yaml);
  }

  /** The converged two-controller mesh with one more route on ctl-02. */
  private static MeshState withRouteOnCtl02(LiveRoute extra) {
    DesiredMesh mesh = MeshExpander.expand(MeshFixtures.spec(2));
    return MeshFixtures.with(
        MeshFixtures.converged(mesh), MeshFixtures.name(2),
        s -> {
          List<LiveRoute> routes = new ArrayList<>(s.routes());
          routes.add(extra);
          return MeshFixtures.withRoutes(s, routes);
        });
  }

  /** Loads an imported spec as {@code meshctl validate} would; fails the test on any error. */
  private void loads(String yaml) {
    try {
      Files.writeString(dir.resolve("license.txt"), "LICENSE-TEXT");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    LoadResult loaded =
        SpecLoader.loadString(yaml, "mesh.yaml", dir, new LoadOptions(Map.of("PW", "pw", "KT", "keyset-token"), Optional.empty()));
    assertTrue(loaded.ok(), () -> loaded.diagnostics() + "\n" + yaml);
  }

  /** Infers the spec of {@code spec}'s converged mesh, loads it and diffs it against that mesh. */
  @Test
  void customLicenseParametersAreReadBackFromTheLicense() throws IOException {
    MeshSpec spec = MeshFixtures.spec(3);
    dev.meshctl.dsl.model.LicenseSpec l = spec.license();
    MeshSpec custom =
        new MeshSpec(
            spec.source(), spec.topology(), spec.controllers(), spec.root(),
            new dev.meshctl.dsl.model.LicenseSpec(
                l.file(), l.text(),
                new dev.meshctl.dsl.model.LicenseParameters(
                    false, Optional.of("172.31.1.0/24"), List.of("172.31.1.253", "172.31.1.252", "172.31.1.251"),
                    Optional.of("34001 34002 34003"), Optional.of("172.31.1.1,172.31.1.2"), Optional.of("172.31.1.254"))),
            spec.keysetToken(), spec.peering(), spec.routing(), spec.execution());
    String yaml = roundTrip(custom);
    assertTrue(yaml.contains("subnet: 172.31.1.0/24"), yaml);
    assertTrue(yaml.contains("asns: [34001, 34002, 34003]"), yaml);
    assertFalse(yaml.contains("parameters: {}"), yaml);
  }

  private String roundTrip(MeshSpec spec) throws IOException {
    DesiredMesh mesh = MeshExpander.expand(spec);
    MeshState converged = MeshFixtures.converged(mesh);
    ImportResult result = SpecInference.infer(targets(spec), converged, OPTIONS);
    assertTrue(result.ok(), result.diagnostics()::toString);
    String yaml = result.yaml().orElseThrow();
    Files.writeString(dir.resolve("license.txt"), "LICENSE-TEXT");
    LoadResult loaded =
        SpecLoader.loadString(yaml, "mesh.yaml", dir, new LoadOptions(Map.of("PW", "pw", "KT", "keyset-token"), Optional.empty()));
    assertTrue(loaded.ok(), () -> loaded.diagnostics() + "\n" + yaml);
    MeshDiff diff = MeshDiffer.diff(MeshExpander.expand(loaded.spec().orElseThrow()), converged);
    assertEquals(List.of(), diff.changes(), yaml);
    assertEquals(List.of(), diff.problems(), yaml);
    return yaml;
  }

  private static List<ImportTarget> targets(MeshSpec spec) {
    return spec.controllers().stream()
        .map(c -> new ImportTarget(c.name(), c.endpoint(), c.endpoint().host() + ":" + c.endpoint().port()))
        .toList();
  }
}
