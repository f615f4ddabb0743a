package dev.meshctl.simulator.net;

import java.util.List;
import java.util.Set;

/**
 * What one controller sees of the mesh right now.
 *
 * @param reachable IDs of its peers whose link is up
 * @param learned routes advertised by controllers reachable over up links, transitively
 */
public record MeshReport(Set<Integer> reachable, List<Learned> learned) {
  public static final MeshReport EMPTY = new MeshReport(Set.of(), List.of());

  /** A route learned from controller {@code fromId}. */
  public record Learned(String cidr, int fromId) {}

  public MeshReport {
    reachable = Set.copyOf(reachable);
    learned = List.copyOf(learned);
  }
}
