package dev.meshctl.engine.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.dsl.model.ControllerSpec;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.engine.address.ResourceKind;
import dev.meshctl.engine.desired.MeshExpander;
import dev.meshctl.engine.live.ControllerObservation;
import dev.meshctl.engine.live.MeshState;
import java.util.List;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Peer IDs against the live mesh: kept, range-checked by the license, and moves said loudly. */
class PeerIdentityDiffTest {
  private final MeshSpec four = MeshFixtures.spec(4);
  private final MeshState converged = MeshFixtures.converged(MeshExpander.expand(four));

  /** {@code spec} without {@code name}, every other controller edited by {@code f}. */
  private static MeshSpec without(MeshSpec spec, String name, UnaryOperator<ControllerSpec> f) {
    List<ControllerSpec> rest =
        spec.controllers().stream().filter(c -> !c.name().equals(name)).map(f).toList();
    return new MeshSpec(
        spec.source(), spec.topology(), rest, spec.root(), spec.license(), spec.keysetToken(),
        spec.peering(), spec.routing(), spec.execution());
  }

  private static ControllerSpec peerId(ControllerSpec c, OptionalInt id) {
    return new ControllerSpec(
        c.name(), c.endpoint(), c.privateIp(), c.subnet(), c.publicIp(), c.dnsName(), id,
        c.controllerName(), c.api(), c.routes());
  }

  private static MeshState read(MeshState s, MeshSpec spec) {
    SortedMap<String, ControllerObservation> m = new TreeMap<>(s.controllers());
    m.keySet().retainAll(spec.controllers().stream().map(ControllerSpec::name).toList());
    return new MeshState(m);
  }

  @Test
  void aControllerRemovedFromTheMiddleMovesNoIdAndIsSaidToBeLeftAlone() {
    MeshSpec three = without(four, "ctl-02", c -> peerId(c, OptionalInt.empty()));
    MeshState live = read(converged, three);
    MeshDiff d = MeshDiffer.diff(MeshExpander.expand(three, live), live);
    assertTrue(d.changes().stream().noneMatch(c -> c.address().kind() == ResourceKind.PEER_ID), d::toString);
    assertEquals(3, d.changes().stream().filter(c -> c.address().kind() == ResourceKind.PEER).count(), d::toString);
    assertEquals(1, d.warnings().size(), d::toString);
    String w = d.warnings().get(0).format();
    assertTrue(w.startsWith("warning: the controller with peer ID 2 (" + MeshFixtures.privateIp(2) + ") is not in the spec: ctl-01, ctl-03, ctl-04 delete their links"), w);
    assertTrue(w.contains("That controller itself is left alone"), w);
    assertTrue(w.contains("its own links to ctl-01 (1), ctl-03 (3), ctl-04 (4)"), w);
  }

  @Test
  void anExplicitIdThatMovesALiveControllerIsAWarningNotADepartedPeer() {
    MeshSpec moved =
        without(four, "ctl-02", c -> peerId(c, c.name().equals("ctl-04") ? OptionalInt.of(2) : OptionalInt.empty()));
    MeshState live = read(converged, moved);
    MeshDiff d = MeshDiffer.diff(MeshExpander.expand(moved, live), live);
    List<String> warnings = d.warnings().stream().map(w -> w.format()).toList();
    assertTrue(
        warnings.stream().anyMatch(w -> w.startsWith("warning: the peer ID of \"ctl-04\" changes from 4 to 2")), warnings::toString);
    // Peer ID 4 is ctl-04's old ID, not a departed controller; peer ID 2 is ctl-04's now, so the
    // others' entries for it are updated to its address rather than deleted.
    assertTrue(warnings.stream().noneMatch(w -> w.contains("is not in the spec")), warnings::toString);
    assertEquals(1, warnings.size(), warnings::toString);
  }

  @Test
  void anIdBeyondTheLicenseIsAProblemThatBlocks() {
    MeshSpec five =
        without(four, "none", c -> peerId(c, c.name().equals("ctl-04") ? OptionalInt.of(5) : c.peerId()));
    MeshDiff d = MeshDiffer.diff(MeshExpander.expand(five, converged), converged);
    assertTrue(d.blocked());
    assertEquals(
        "error: peer ID 5 is out of range: the license allows 4 controllers, so peer IDs are 1..4"
            + " (controller[\"ctl-04\"].peer_id); give it a free peer_id in 1..4, or use a license for more controllers",
        d.problems().get(0).format());
  }
}
