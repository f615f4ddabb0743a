package dev.meshctl.simulator;

import dev.meshctl.simulator.admin.AdminApi;
import dev.meshctl.simulator.net.AddressBook;
import dev.meshctl.simulator.net.HostedNodes;
import dev.meshctl.simulator.net.MeshReport;
import dev.meshctl.simulator.net.MeshScope;
import dev.meshctl.simulator.net.MeshView;
import dev.meshctl.simulator.net.NodeInfo;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One simulator process's worth of simulated VNS3 controllers, each on its own listener, plus an
 * optional admin listener ({@code /_sim/}). Each controller runs on its own event-loop context,
 * so its state needs no locks and its seeded faults are reproducible; the mesh explorer runs on
 * the simulator's context and reads the controllers' published snapshots.
 *
 * <pre>{@code
 * Simulator sim = Simulator.start(vertx, SimulatorConfig.sequential(4, "127.0.0.1", 0)).await();
 * String url = sim.controller("ctl1").endpoint() + "/api/config";
 * }</pre>
 */
public final class Simulator {
  /** How long one controller's answer to a peer is reused by the others. */
  static final long MESH_CACHE_MS = 250;

  private final Vertx vertx;
  private final SimulatorConfig config;
  private final Context context;
  private final AddressBook book = new AddressBook();
  private final WebClient client;
  private final MeshView mesh;
  private final Map<String, SimulatedController> controllers = new LinkedHashMap<>();
  /** Hosted controllers by normalized endpoint, for peers that contact them in-process. */
  private final Map<String, SimulatedController> byEndpoint = new ConcurrentHashMap<>();
  private HttpServer admin;
  /** How custom variables behave where the evidence is silent; switchable while running. */
  private volatile VariableReading variables = VariableReading.DEFAULT;

  private Simulator(Vertx vertx, SimulatorConfig config, Context context) {
    this.vertx = vertx;
    this.config = config;
    this.context = context;
    this.client =
        WebClient.create(
            vertx,
            new WebClientOptions()
                .setTrustAll(true)
                .setVerifyHost(false)
                .setConnectTimeout(3000)
                .setIdleTimeout(30)
                .setUserAgent("meshctl-simulator"));
    this.mesh = new MeshView(client, book, new Hosted(), MESH_CACHE_MS);
  }

  /** Starts every controller of {@code config}; fails (and closes what started) if one cannot listen. */
  public static Future<Simulator> start(Vertx vertx, SimulatorConfig config) {
    Context context = vertx.getOrCreateContext();
    Promise<Simulator> started = Promise.promise();
    context.runOnContext(v -> {
      Simulator sim = new Simulator(vertx, config, context);
      sim.boot().onComplete(res -> {
        if (res.succeeded()) {
          started.complete(sim);
        } else {
          sim.close().onComplete(x -> started.fail(res.cause()));
        }
      });
    });
    return started.future();
  }

  private Future<Void> boot() {
    for (SimulatedControllerConfig c : config.controllers()) {
      String password = config.initialPassword(c.name());
      controllers.put(c.name(), new SimulatedController(this, c, password, config.seed()));
    }
    return vertx
        .executeBlocking(() -> {
          if (config.addressMap().isPresent()) {
            book.load(config.addressMap().get());
          }
          for (SimulatedController c : controllers.values()) {
            c.load();
          }
          return null;
        }, false)
        .compose(v -> {
          List<Future<Void>> attached = new ArrayList<>();
          controllers.values().forEach(c -> attached.add(c.attach()));
          return Future.all(attached);
        })
        .compose(v -> {
          List<Future<Void>> listening = new ArrayList<>();
          controllers.values().forEach(c -> listening.add(c.open()));
          return Future.all(listening);
        })
        .compose(v -> {
          for (SimulatedController c : controllers.values()) {
            // Hosted controllers answer for their own addresses, over the address map.
            book.register(c.privateIp(), c.endpoint());
            book.register(c.publicIp(), c.endpoint());
            c.dnsName().ifPresent(n -> book.register(n, c.endpoint()));
            byEndpoint.put(AddressBook.normalize(c.endpoint()), c);
          }
          if (config.adminPort() < 0) {
            return Future.succeededFuture();
          }
          return vertx
              .createHttpServer()
              .requestHandler(AdminApi.router(vertx, this))
              .listen(config.adminPort(), "127.0.0.1")
              .map(s -> {
                admin = s;
                return null;
              });
        });
  }

  /** Closes every listener and waits for pending state writes. */
  public Future<Void> close() {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      List<Future<Void>> closing = new ArrayList<>();
      controllers.values().forEach(c -> closing.add(c.context() == null ? c.detach() : c.stop().eventually(c::detach)));
      if (admin != null) {
        closing.add(admin.close());
      }
      Future.join(closing)
          .transform(x -> vertx.executeBlocking(() -> null, true))
          .onComplete(x -> {
            client.close();
            done.complete();
          });
    });
    return done.future();
  }

  /** The controllers, in configuration order. */
  public List<SimulatedController> controllers() {
    return Collections.unmodifiableList(new ArrayList<>(controllers.values()));
  }

  /** The controller named {@code name}. */
  public SimulatedController controller(String name) {
    SimulatedController c = controllers.get(name);
    if (c == null) {
      throw new NoSuchElementException("no simulated controller named " + name);
    }
    return c;
  }

  /** The admin listener's port, if it has one. */
  public Optional<Integer> adminPort() {
    return Optional.ofNullable(admin).map(HttpServer::actualPort);
  }

  public SimulatorConfig config() {
    return config;
  }

  /** How every controller's custom variables behave now. */
  public VariableReading variableReading() {
    return variables;
  }

  /** Switches how custom variables behave, e.g. to run one test under every reading. */
  public void variableReading(VariableReading reading) {
    this.variables = java.util.Objects.requireNonNull(reading);
  }

  Vertx vertx() {
    return vertx;
  }

  Context context() {
    return context;
  }

  /** Tells the mesh explorer that the hosted controller at {@code endpoint} changed. */
  void invalidate(String endpoint) {
    context.runOnContext(v -> mesh.invalidate(endpoint));
  }

  /**
   * What the controller at {@code endpoint}, which is {@code self}, sees of the mesh; explored on
   * the simulator's context, answered on the caller's.
   */
  Future<MeshReport> explore(String endpoint, NodeInfo self, MeshScope scope) {
    Context back = Vertx.currentContext();
    Promise<MeshReport> report = Promise.promise();
    context.runOnContext(v -> mesh.explore(endpoint, self, scope).onComplete(r -> {
      if (back == null) {
        report.handle(r);
      } else {
        back.runOnContext(x -> report.handle(r));
      }
    }));
    return report.future();
  }

  /** The controllers this process hosts, as the mesh explorer contacts them. */
  private final class Hosted implements HostedNodes {
    @Override
    public boolean hosts(String endpoint) {
      return byEndpoint.containsKey(endpoint);
    }

    @Override
    public Optional<NodeInfo> answer(String endpoint) {
      return Optional.ofNullable(byEndpoint.get(endpoint)).flatMap(SimulatedController::peerAnswer);
    }
  }

  /** Downloads a keyset from the controller answering for {@code source} on the simulated network. */
  Future<JsonObject> fetchKeyset(String source, String tokenSha256) {
    Optional<String> endpoint = book.resolve(source);
    if (endpoint.isEmpty()) {
      return Future.failedFuture("keyset source " + source + " does not resolve");
    }
    return client
        .postAbs(endpoint.get() + "/_sim/keyset")
        .timeout(15_000)
        .sendJsonObject(new JsonObject().put("token_sha256", tokenSha256))
        .compose(r -> r.statusCode() == 200
            ? Future.succeededFuture(new JsonObject(r.bodyAsString()))
            : Future.failedFuture("keyset source " + source + " refused: " + r.bodyAsString()));
  }
}
