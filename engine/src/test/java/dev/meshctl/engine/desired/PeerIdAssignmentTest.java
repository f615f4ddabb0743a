package dev.meshctl.engine.desired;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.dsl.model.ControllerSpec;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.engine.diff.MeshFixtures;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Peer IDs stay with their controllers whatever happens to the list. */
class PeerIdAssignmentTest {
  /** A spec of {@code names}, none with an explicit peer ID, rooted at {@code root}. */
  private static MeshSpec spec(List<String> names, String root, Map<String, Integer> explicit) {
    MeshSpec base = MeshFixtures.spec(1);
    ControllerSpec template = base.controllers().get(0);
    List<ControllerSpec> controllers = new ArrayList<>();
    for (String n : names) {
      Integer id = explicit.get(n);
      controllers.add(
          new ControllerSpec(
              n, template.endpoint(), template.privateIp(), template.subnet(), template.publicIp(),
              template.dnsName(), id == null ? OptionalInt.empty() : OptionalInt.of(id),
              template.controllerName(), template.api(), List.of()));
    }
    return new MeshSpec(
        base.source(), base.topology(), controllers, root, base.license(), base.keysetToken(),
        base.peering(), base.routing(), base.execution());
  }

  private static MeshSpec spec(List<String> names, String root) {
    return spec(names, root, Map.of());
  }

  @Test
  void aFreshMeshNumbersTheRootFirstThenTheList() {
    assertEquals(
        Map.of("a", 1, "b", 2, "c", 3, "d", 4),
        PeerIdAssignment.assign(spec(List.of("a", "b", "c", "d"), "a"), Map.of()));
    assertEquals(
        Map.of("a", 2, "b", 3, "c", 1, "d", 4),
        PeerIdAssignment.assign(spec(List.of("a", "b", "c", "d"), "c"), Map.of()));
  }

  @Test
  void removingAControllerFromTheMiddleMovesNoOtherId() {
    Map<String, Integer> live = Map.of("east-1a", 1, "east-1b", 2, "west-2a", 3, "west-2b", 4);
    assertEquals(
        Map.of("east-1a", 1, "west-2a", 3, "west-2b", 4),
        PeerIdAssignment.assign(spec(List.of("east-1a", "west-2a", "west-2b"), "east-1a"), live));
  }

  @Test
  void aNewControllerTakesTheLowestFreeId() {
    Map<String, Integer> live = Map.of("east-1a", 1, "west-2a", 3, "west-2b", 4);
    assertEquals(
        Map.of("east-1a", 1, "west-2a", 3, "west-2b", 4, "new", 2),
        PeerIdAssignment.assign(spec(List.of("new", "east-1a", "west-2a", "west-2b"), "east-1a"), live));
  }

  @Test
  void aNewRootTakesOneOnlyWhenItIsFree() {
    assertEquals(
        Map.of("a", 1, "b", 2, "c", 3),
        PeerIdAssignment.assign(spec(List.of("a", "b", "c"), "c"), Map.of("a", 1, "b", 2)));
    assertEquals(
        Map.of("a", 2, "b", 3, "c", 1),
        PeerIdAssignment.assign(spec(List.of("a", "b", "c"), "c"), Map.of("a", 2, "b", 3)));
  }

  @Test
  void anExplicitIdWinsAndTheControllerItDisplacesTakesTheLowestFree() {
    SortedMap<String, Integer> ids =
        PeerIdAssignment.assign(
            spec(List.of("a", "b", "c"), "a", Map.of("c", 2)), Map.of("a", 1, "b", 2, "c", 3));
    assertEquals(Map.of("a", 1, "b", 3, "c", 2), ids);
  }

  @Test
  void twoControllersReportingOneIdKeepItInNameOrderNotListOrder() {
    Map<String, Integer> live = Map.of("a", 2, "b", 2);
    assertEquals(
        PeerIdAssignment.assign(spec(List.of("a", "b", "c"), "c"), live),
        PeerIdAssignment.assign(spec(List.of("b", "c", "a"), "c"), live));
  }

  /**
   * Seeded property: from a mesh that was applied (every controller has the ID assigned to it),
   * any permutation of the list, any change of root and any removal keeps every remaining
   * controller's ID, and added controllers take the lowest free IDs.
   */
  @Test
  void anyPermutationRemovalOrRootChangeKeepsLiveIds() {
    Random random = new Random(20261202L);
    for (int round = 0; round < 500; round++) {
      int n = 1 + random.nextInt(12);
      List<String> names = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        names.add("c" + i);
      }
      Collections.shuffle(names, random);
      Map<String, Integer> live = PeerIdAssignment.assign(spec(names, names.get(random.nextInt(n))), Map.of());

      List<String> edited = new ArrayList<>(names);
      Collections.shuffle(edited, random);
      int removed = random.nextInt(n);
      edited.subList(0, removed).clear();
      int added = random.nextInt(3);
      for (int i = 0; i < added; i++) {
        edited.add(random.nextInt(edited.size() + 1), "new" + i);
      }
      if (edited.isEmpty()) {
        continue;
      }
      String root = edited.get(random.nextInt(edited.size()));
      SortedMap<String, Integer> ids = PeerIdAssignment.assign(spec(edited, root), live);

      BitSet used = new BitSet();
      for (String name : edited) {
        if (live.containsKey(name)) {
          assertEquals(live.get(name), ids.get(name), () -> name + " moved: " + live + " -> " + ids);
        }
        assertTrue(!used.get(ids.get(name)), () -> "duplicate ID in " + ids);
        used.set(ids.get(name));
      }
      // New controllers fill the lowest gaps left by the kept IDs.
      BitSet kept = new BitSet();
      edited.stream().filter(live::containsKey).forEach(k -> kept.set(live.get(k)));
      List<Integer> expectedNew = new ArrayList<>();
      for (int id = kept.nextClearBit(1); expectedNew.size() < added; id = kept.nextClearBit(id + 1)) {
        expectedNew.add(id);
      }
      List<Integer> gotNew = new ArrayList<>();
      edited.stream().filter(e -> !live.containsKey(e)).forEach(e -> gotNew.add(ids.get(e)));
      Collections.sort(gotNew);
      assertEquals(expectedNew, gotNew, () -> "new controllers in " + ids);
      assertEquals(new TreeMap<>(ids).keySet(), new java.util.TreeSet<>(edited));
    }
  }
}
