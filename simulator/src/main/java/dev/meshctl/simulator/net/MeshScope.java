package dev.meshctl.simulator.net;

/**
 * How far an exploration of the mesh goes. A peering answer needs only whether each of the
 * controller's own links is up; a route table needs every controller reachable transitively,
 * for the routes it learned from them.
 */
public enum MeshScope {
  /** The controller's own links: {@link MeshReport#reachable()}; no learned routes. */
  LINKS,
  /** Its links and the routes learned over them, transitively. */
  ROUTES;

  /** Whether a report made for this scope also answers {@code wanted}. */
  boolean covers(MeshScope wanted) {
    return compareTo(wanted) >= 0;
  }
}
