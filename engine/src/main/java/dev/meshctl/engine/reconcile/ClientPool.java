package dev.meshctl.engine.reconcile;

import dev.meshctl.dsl.model.ControllerSpec;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.engine.client.ClientOptions;
import dev.meshctl.engine.client.RetryPolicy;
import dev.meshctl.engine.client.Vns3Client;
import dev.meshctl.engine.client.Vns3Clients;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The API clients of the spec in effect, kept across ticks (connections are reused) and rebuilt
 * for a controller only when its spec entry changes. Each controller also has a probe client that
 * never retries: one cheap request tells whether a controller in backoff is back.
 */
public final class ClientPool {
  private final Vertx vertx;
  private final ClientOptions options;
  private final ClientOptions probeOptions;
  private final Map<String, Entry> entries = new HashMap<>();

  public ClientPool(Vertx vertx, ClientOptions options) {
    this.vertx = vertx;
    this.options = options;
    this.probeOptions = new ClientOptions(RetryPolicy.NONE, options.waits(), options.maxAnswerBytes());
  }

  /** The clients of {@code spec}'s controllers by name; clients of removed controllers are closed. */
  public synchronized Map<String, Vns3Client> sync(MeshSpec spec) {
    Map<String, ControllerSpec> wanted = new HashMap<>();
    spec.controllers().forEach(c -> wanted.put(c.name(), c));
    List<Entry> stale = new ArrayList<>();
    entries.entrySet().removeIf(
        e -> {
          boolean gone = !e.getValue().spec().equals(wanted.get(e.getKey()));
          if (gone) {
            stale.add(e.getValue());
          }
          return gone;
        });
    stale.forEach(Entry::close);
    Map<String, Vns3Client> out = new HashMap<>();
    for (ControllerSpec c : spec.controllers()) {
      Entry e =
          entries.computeIfAbsent(
              c.name(),
              n ->
                  new Entry(
                      c, Vns3Clients.create(vertx, c, options), Vns3Clients.create(vertx, c, probeOptions)));
      out.put(c.name(), e.client());
    }
    return out;
  }

  /** The probe client of a controller of the last synced spec. */
  public synchronized Vns3Client probe(String controller) {
    return entries.get(controller).probe();
  }

  /** Closes every client. */
  public synchronized Future<Void> close() {
    List<Future<Void>> closing = new ArrayList<>();
    entries.values().forEach(e -> closing.addAll(e.close()));
    entries.clear();
    return Future.join(closing).mapEmpty();
  }

  private record Entry(ControllerSpec spec, Vns3Client client, Vns3Client probe) {
    List<Future<Void>> close() {
      return List.of(client.close(), probe.close());
    }
  }
}
