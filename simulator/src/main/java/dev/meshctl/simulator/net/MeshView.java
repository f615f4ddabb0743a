package dev.meshctl.simulator.net;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Explores the simulated mesh the way dynamic routing does: a link is up when both controllers
 * have added each other (each one's configured address for the other resolves to it), both have
 * the same keyset, and the other side really answers over the network. Routes advertised by every
 * controller reachable over up links are learned, transitively.
 *
 * <p>Answers from each controller are cached for a short time and shared by all controllers of
 * this process, so {@code GET /peering} on a 64-controller mesh stays fast; a hosted controller
 * that changes drops its own entry at once.
 */
public final class MeshView {
  private static final long PROBE_TIMEOUT_MS = 1500;

  private final WebClient client;
  private final AddressBook book;
  private final long ttlMs;
  private final Map<String, Cached> cache = new HashMap<>();

  private record Cached(Future<Optional<NodeInfo>> answer, long at) {}

  private record Node(String endpoint, NodeInfo info) {}

  /** Must be used from one event-loop context only (the simulator's). */
  public MeshView(WebClient client, AddressBook book, long ttlMs) {
    this.client = client;
    this.book = book;
    this.ttlMs = ttlMs;
  }

  /** Forgets what {@code endpoint} said, after it changed. */
  public void invalidate(String endpoint) {
    cache.remove(AddressBook.normalize(endpoint));
  }

  /** What the controller at {@code selfEndpoint}, which is {@code self}, sees of the mesh. */
  public Future<MeshReport> explore(String selfEndpoint, NodeInfo self) {
    if (self.id().isEmpty() || self.peers().isEmpty()) {
      return Future.succeededFuture(MeshReport.EMPTY);
    }
    Node start = new Node(AddressBook.normalize(selfEndpoint), self);
    Set<String> visited = new HashSet<>();
    visited.add(start.endpoint());
    Set<Integer> direct = new TreeSet<>();
    Set<MeshReport.Learned> learned = new LinkedHashSet<>();
    return level(List.of(start), start, visited, direct, learned)
        .map(v -> new MeshReport(direct, new ArrayList<>(learned)));
  }

  private Future<Void> level(
      List<Node> frontier, Node start, Set<String> visited, Set<Integer> direct, Set<MeshReport.Learned> learned) {
    if (frontier.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Future<Optional<Node>>> hops = new ArrayList<>();
    for (Node from : frontier) {
      for (Map.Entry<Integer, String> peer : new java.util.TreeMap<>(from.info().peers()).entrySet()) {
        hops.add(linkTo(from, peer.getKey(), peer.getValue()).map(n -> {
          if (n.isPresent() && from == start) {
            direct.add(peer.getKey());
          }
          return n;
        }));
      }
    }
    return Future.join(hops)
        .otherwiseEmpty()
        .compose(
            v -> {
              List<Node> next = new ArrayList<>();
              for (Future<Optional<Node>> f : hops) {
                Optional<Node> n = f.succeeded() ? f.result() : Optional.empty();
                if (n.isPresent() && visited.add(n.get().endpoint())) {
                  next.add(n.get());
                  for (String cidr : n.get().info().advertised()) {
                    learned.add(new MeshReport.Learned(cidr, n.get().info().id().orElse(0)));
                  }
                }
              }
              return level(next, start, visited, direct, learned);
            });
  }

  /** The node at the other end of {@code from}'s link to peer {@code id}, if that link is up. */
  private Future<Optional<Node>> linkTo(Node from, int id, String address) {
    Optional<String> endpoint = book.resolve(address);
    if (endpoint.isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    return probe(endpoint.get())
        .map(
            answer ->
                answer
                    .filter(info -> info.id().equals(Optional.of(id)))
                    .filter(info -> info.checksum().isPresent() && info.checksum().equals(from.info().checksum()))
                    .filter(info -> from.info().id().map(info.peers()::get).flatMap(book::resolve).equals(Optional.of(from.endpoint())))
                    .map(info -> new Node(endpoint.get(), info)));
  }

  private Future<Optional<NodeInfo>> probe(String endpoint) {
    long now = System.nanoTime() / 1_000_000;
    Cached c = cache.get(endpoint);
    if (c != null && now - c.at() < ttlMs) {
      return c.answer();
    }
    Future<Optional<NodeInfo>> answer =
        client
            .getAbs(endpoint + "/_sim/peer")
            .timeout(PROBE_TIMEOUT_MS)
            .send()
            .map(r -> r.statusCode() == 200 ? Optional.of(NodeInfo.fromJson(new JsonObject(r.bodyAsString()))) : Optional.<NodeInfo>empty())
            .otherwise(Optional.empty());
    cache.put(endpoint, new Cached(answer, now));
    return answer;
  }
}
