package dev.meshctl.simulator.net;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * <p>Controllers hosted by this process are asked by a direct call ({@link HostedNodes}: the
 * snapshot each publishes after every change), others over HTTP ({@code /_sim/peer}), whose
 * answers are cached for a short time and shared by all controllers of this process. A report
 * that involves hosted controllers only is reused until any hosted controller changes, so the
 * reads of a converged 64-controller mesh do not explore it again and again.
 */
public final class MeshView {
  private static final long PROBE_TIMEOUT_MS = 1500;

  private final WebClient client;
  private final AddressBook book;
  private final HostedNodes hosted;
  private final long ttlMs;
  private final Map<String, Cached> cache = new HashMap<>();
  private final Map<String, Report> reports = new HashMap<>();
  /** Bumped by every invalidation: a report computed at an older generation may be stale. */
  private long generation;

  private record Cached(Future<Optional<NodeInfo>> answer, long at) {}

  private record Report(long generation, long at, NodeInfo self, MeshScope scope, MeshReport report) {}

  private record Node(String endpoint, NodeInfo info) {}

  private record Hop(Node from, int id, String endpoint) {}

  /** Must be used from one event-loop context only (the simulator's); {@code hosted} from any thread. */
  public MeshView(WebClient client, AddressBook book, HostedNodes hosted, long ttlMs) {
    this.client = client;
    this.book = book;
    this.hosted = hosted;
    this.ttlMs = ttlMs;
  }

  /** Forgets what {@code endpoint} said, after it changed. */
  public void invalidate(String endpoint) {
    cache.remove(AddressBook.normalize(endpoint));
    generation++;
  }

  /**
   * What the controller at {@code selfEndpoint}, which is {@code self}, sees of the mesh, as far
   * as {@code scope} asks.
   */
  public Future<MeshReport> explore(String selfEndpoint, NodeInfo self, MeshScope scope) {
    if (self.id().isEmpty() || self.peers().isEmpty()) {
      return Future.succeededFuture(MeshReport.EMPTY);
    }
    String key = AddressBook.normalize(selfEndpoint);
    long now = nowMs();
    Report r = reports.get(key);
    if (r != null && r.generation() == generation && now - r.at() < ttlMs && r.scope().covers(scope) && r.self().equals(self)) {
      return Future.succeededFuture(r.report());
    }
    long startedAt = generation;
    Exploration x = new Exploration(new Node(key, self), scope, endpoints());
    return level(List.of(x.start), x)
        .map(v -> {
          MeshReport report = new MeshReport(x.direct, new ArrayList<>(x.learned));
          // What remote controllers said changes without an invalidation: ask them again next time.
          if (generation == startedAt && !x.remote) {
            reports.put(key, new Report(startedAt, now, self, scope, report));
          }
          return report;
        });
  }

  /** One exploration's progress. */
  private static final class Exploration {
    final Node start;
    final Set<String> visited = new HashSet<>();
    final Set<Integer> direct = new TreeSet<>();
    final Set<MeshReport.Learned> learned = new LinkedHashSet<>();
    final MeshScope scope;
    /** Once every known endpoint is visited, only the start's own links remain to check. */
    final int endpoints;
    boolean remote;

    Exploration(Node start, MeshScope scope, int endpoints) {
      this.start = start;
      this.scope = scope;
      this.endpoints = endpoints;
      visited.add(start.endpoint());
    }
  }

  private Future<Void> level(List<Node> frontier, Exploration x) {
    if (frontier.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Hop> hops = new ArrayList<>();
    Map<String, Future<Optional<NodeInfo>>> answers = new LinkedHashMap<>();
    for (Node from : frontier) {
      if (from != x.start && x.visited.size() >= x.endpoints) {
        break;
      }
      for (Map.Entry<Integer, String> peer : from.info().peers().entrySet()) {
        Optional<String> endpoint = book.resolve(peer.getValue());
        // Past the first level a link only matters if it leads somewhere new: in a full mesh
        // that skips almost every check.
        if (endpoint.isPresent() && (from == x.start || !x.visited.contains(endpoint.get()))) {
          hops.add(new Hop(from, peer.getKey(), endpoint.get()));
          answers.computeIfAbsent(endpoint.get(), this::probe);
          x.remote |= !hosted.hosts(endpoint.get());
        }
      }
    }
    List<Future<Optional<NodeInfo>>> pending = answers.values().stream().filter(f -> !f.isComplete()).toList();
    Future<?> all = pending.isEmpty() ? Future.succeededFuture() : Future.join(new ArrayList<>(pending)).otherwiseEmpty();
    return all.compose(v -> {
      List<Node> next = new ArrayList<>();
      for (Hop hop : hops) {
        Optional<Node> n = linkTo(hop, answers.get(hop.endpoint()));
        if (n.isEmpty()) {
          continue;
        }
        if (hop.from() == x.start) {
          x.direct.add(hop.id());
        }
        if (x.visited.add(n.get().endpoint())) {
          next.add(n.get());
          if (x.scope == MeshScope.LINKS) {
            continue;
          }
          for (String cidr : n.get().info().advertised()) {
            x.learned.add(new MeshReport.Learned(cidr, n.get().info().id().orElse(0)));
          }
        }
      }
      return x.scope == MeshScope.ROUTES ? level(next, x) : Future.succeededFuture();
    });
  }

  /** The node at the other end of the hop's link, if that link is up. */
  private Optional<Node> linkTo(Hop hop, Future<Optional<NodeInfo>> answer) {
    Node from = hop.from();
    Optional<NodeInfo> info = answer.succeeded() ? answer.result() : Optional.empty();
    return info
        .filter(i -> i.id().equals(Optional.of(hop.id())))
        .filter(i -> i.checksum().isPresent() && i.checksum().equals(from.info().checksum()))
        .filter(i -> from.info().id().map(i.peers()::get).flatMap(book::resolve).equals(Optional.of(from.endpoint())))
        .map(i -> new Node(hop.endpoint(), i));
  }

  private Future<Optional<NodeInfo>> probe(String endpoint) {
    if (hosted.hosts(endpoint)) {
      return Future.succeededFuture(hosted.answer(endpoint));
    }
    long now = nowMs();
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

  private int endpoints() {
    return book.endpointCount();
  }

  private static long nowMs() {
    return System.nanoTime() / 1_000_000;
  }
}
