package dev.meshctl.simulator;

import dev.meshctl.simulator.api.ApiRouter;
import dev.meshctl.simulator.api.Appliance;
import dev.meshctl.simulator.api.TokenStore;
import dev.meshctl.simulator.license.SimLicense;
import dev.meshctl.simulator.net.MeshReport;
import dev.meshctl.simulator.net.MeshScope;
import dev.meshctl.simulator.net.NodeInfo;
import dev.meshctl.simulator.state.ControllerData;
import dev.meshctl.simulator.state.Digests;
import dev.meshctl.simulator.state.PrivateFiles;
import dev.meshctl.simulator.tls.SelfSignedCertificate;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One simulated VNS3 controller: its own HTTP(S) listener, its configuration, and the realism
 * knobs. Everything it does runs on its own event-loop context (controllers are spread over
 * Vert.x's event loops, so a large mesh answers on every core); the methods that change it hop
 * onto that context and answer a {@link Future}. Its peers read only {@link #peerAnswer()}, an
 * immutable snapshot it republishes after every change.
 */
public final class SimulatedController {
  private static final String STATE_FILE = "state.json";

  private final Simulator sim;
  private final SimulatedControllerConfig config;
  private final String initialPassword;
  private final Optional<Path> dir;
  private final SplittableRandom random;
  private final AtomicLong reads = new AtomicLong();
  private final AtomicLong writes = new AtomicLong();
  private final TokenStore tokens = new TokenStore();
  private final Router router;
  private volatile SelfSignedCertificate certificate;
  private volatile ControllerData data;
  private volatile FaultConfig faults;
  private volatile ControllerStatus status = ControllerStatus.DOWN;
  private volatile int port;
  private HttpServer server;
  /** What it answers peers; empty while its listener is closed. Written on its context only. */
  private volatile Optional<NodeInfo> peerAnswer = Optional.empty();
  private Context context;
  private String deployment;
  /** Bumped by every down/up/reboot/wipe so a stale reboot timer does nothing. */
  private long lifecycle;
  /** How often its listener opened: each reboot, up() after down() and wipe opens it once more. */
  private volatile long listenerOpenings;
  /** Where a boot is once its listener is open again; {@link BootPhase#NONE} when healthy. */
  private volatile BootPhase bootPhase = BootPhase.NONE;

  /** What the API answers while the appliance finishes booting (see {@link SimTimings}). */
  private enum BootPhase {
    /** Healthy. */
    NONE,
    /** The front proxy answers 502 or 503: the API behind it is not up yet. */
    PROXY,
    /** The API answers 401 "Unauthorized" to every request, as the Go client sees while booting. */
    UNAUTHORIZED
  }

  SimulatedController(Simulator sim, SimulatedControllerConfig config, String initialPassword, long seed) {
    this.sim = sim;
    this.config = config;
    this.initialPassword = initialPassword;
    this.dir = sim.config().stateDir().map(d -> d.resolve(config.name()));
    this.random = new SplittableRandom(seed ^ Digests.sha256(config.name()).hashCode());
    this.faults = sim.config().faults();
    this.port = config.port();
    this.router = ApiRouter.create(sim.vertx(), new Face(), this::gate);
  }

  /** Loads (or creates) its certificate and configuration: blocking file I/O, on a worker. */
  void load() throws Exception {
    if (sim.config().tls()) {
      certificate =
          dir.isPresent()
              ? SelfSignedCertificate.loadOrCreate(dir.get(), config.name(), config.privateIp())
              : SelfSignedCertificate.generate(config.name(), config.privateIp());
    }
    Optional<Path> file = dir.map(d -> d.resolve(STATE_FILE));
    if (file.isPresent() && Files.isRegularFile(file.get())) {
      try {
        data = ControllerData.fromState(new JsonObject(Files.readString(file.get(), StandardCharsets.UTF_8)));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("cannot read " + file.get() + ": " + e.getMessage(), e);
      }
    } else {
      data = ControllerData.fresh(initialPassword);
      if (file.isPresent()) {
        PrivateFiles.write(file.get(), data.toState().encodePrettily());
      }
    }
  }

  /** Gives it an event-loop context of its own (a verticle's); before {@link #open()}. */
  Future<Void> attach() {
    Promise<Void> attached = Promise.promise();
    sim.vertx()
        .deployVerticle(new VerticleBase() {
          @Override
          public Future<?> start() {
            SimulatedController.this.context = context;
            return Future.succeededFuture();
          }
        })
        .onComplete(id -> {
          if (id.succeeded()) {
            deployment = id.result();
            attached.complete();
          } else {
            attached.fail(id.cause());
          }
        });
    return attached.future();
  }

  /** Opens its listener for the first time, on its own context. */
  Future<Void> open() {
    return onContext(this::listen);
  }

  /** Gives its context back (after {@link #stop()}). */
  Future<Void> detach() {
    return deployment == null ? Future.succeededFuture() : sim.vertx().undeploy(deployment);
  }

  /** How long reopening a listener keeps trying while its port is briefly taken. */
  private static final int REBIND_ATTEMPTS = 50;

  private static final long REBIND_INTERVAL_MS = 100;

  /** Whether its listener was open once: a first bind that fails is an error at once. */
  private boolean listenedBefore;

  /**
   * Opens its listener (on its context). Reopening after down, reboot or wipe keeps its port, and
   * that port may be held for a moment by a connection the machine gave it to as a local port:
   * then it tries again on a timer, as an appliance's API comes back a little later.
   */
  private Future<Void> listen() {
    boolean reopening = listenedBefore;
    return bind().recover(e -> reopening ? rebind(REBIND_ATTEMPTS, e) : Future.failedFuture(e));
  }

  private Future<Void> rebind(int attemptsLeft, Throwable last) {
    if (attemptsLeft == 0) {
      return Future.failedFuture(last);
    }
    Promise<Void> retried = Promise.promise();
    sim.vertx()
        .setTimer(
            REBIND_INTERVAL_MS,
            t -> bind().recover(e -> rebind(attemptsLeft - 1, e)).onComplete(retried));
    return retried.future();
  }

  private Future<Void> bind() {
    HttpServerOptions options = new HttpServerOptions().setHost(config.bindHost()).setPort(port).setReuseAddress(true);
    if (certificate != null) {
      options
          .setSsl(true)
          .setKeyCertOptions(
              new PemKeyCertOptions()
                  .setCertValue(Buffer.buffer(certificate.certificatePem()))
                  .setKeyValue(Buffer.buffer(certificate.privateKeyPem())));
    }
    HttpServer s = sim.vertx().createHttpServer(options).requestHandler(router);
    return s.listen()
        .map(
            bound -> {
              server = bound;
              listenedBefore = true;
              port = bound.actualPort();
              status = ControllerStatus.UP;
              data.bootedAt = Instant.now();
              listenerOpenings++;
              published();
              return (Void) null;
            })
        .recover(
            e ->
                Future.failedFuture(
                    new IllegalStateException(
                        "controller " + config.name() + " cannot listen on " + config.bindHost() + ":" + port + ": " + e.getMessage(), e)));
  }

  /** Closes its listener: new connections are refused. */
  private Future<Void> closeListener() {
    HttpServer s = server;
    server = null;
    bootPhase = BootPhase.NONE;
    published();
    return s == null ? Future.succeededFuture() : s.close();
  }

  public String name() {
    return config.name();
  }

  /** {@code scheme://host:port}; the API is under {@code /api}. */
  public String endpoint() {
    String host = config.bindHost().contains(":") ? "[" + config.bindHost() + "]" : config.bindHost();
    return (sim.config().tls() ? "https" : "http") + "://" + host + ":" + port;
  }

  public int port() {
    return port;
  }

  public String privateIp() {
    return config.privateIp();
  }

  public String publicIp() {
    return config.publicIp();
  }

  public String subnet() {
    return config.subnet();
  }

  public Optional<String> dnsName() {
    return config.dnsName();
  }

  public SimulatedControllerConfig config() {
    return config;
  }

  /**
   * The initial API password (a sandbox credential: changing it with {@code PUT /api_password}
   * does not change this value).
   */
  public String apiPassword() {
    return initialPassword;
  }

  /** SHA-256 fingerprint of its TLS certificate ({@code AA:BB:...}), "" on plain HTTP. */
  public String certificateSha256() {
    SelfSignedCertificate c = certificate;
    return c == null ? "" : c.sha256Fingerprint();
  }

  /** Its TLS certificate in PEM, empty on plain HTTP. */
  public Optional<String> certificatePem() {
    return Optional.ofNullable(certificate).map(SelfSignedCertificate::certificatePem);
  }

  /**
   * How often its API listener has opened so far. A reboot closes and reopens it, so a test can
   * tell that a reboot really happened since an earlier reading, whatever its client saw.
   */
  public long listenerOpenings() {
    return listenerOpenings;
  }

  public ControllerStatus status() {
    return status;
  }

  /** {@code /api} requests received so far. */
  public RequestCounts requestCounts() {
    return new RequestCounts(reads.get(), writes.get());
  }

  /** Starts counting from zero. */
  public void resetRequestCounts() {
    reads.set(0);
    writes.set(0);
  }

  public void setFaults(FaultConfig faults) {
    this.faults = faults;
  }

  public FaultConfig faults() {
    return faults;
  }

  /** A copy of its persisted configuration (no secrets but the license text), for tests. */
  public Future<JsonObject> state() {
    return onContext(() -> {
      JsonObject o = data.toState();
      o.remove("password_salt");
      o.remove("password_sha256");
      return Future.succeededFuture(o);
    });
  }

  /** Closes its listener until {@link #up()}: connections are refused. */
  public Future<Void> down() {
    return onContext(() -> {
      lifecycle++;
      status = ControllerStatus.DOWN;
      return closeListener();
    });
  }

  /**
   * Reopens its listener; the appliance then boots (502/503, then 401, then healthy) and this
   * completes when it is healthy.
   */
  public Future<Void> up() {
    return onContext(() -> {
      if (server != null) {
        // Already listening, maybe still booting: that boot goes on and ends as it would.
        return Future.succeededFuture();
      }
      long generation = ++lifecycle;
      return listen().compose(v -> boot(generation));
    });
  }

  /** Reboots now; completes when it is healthy again. */
  public Future<Void> reboot() {
    return onContext(() -> {
      Promise<Void> back = Promise.promise();
      rebootAfter(0, back);
      return back.future();
    });
  }

  /**
   * Reboots now with a 401 phase of {@code unauthorizedFor} instead of the configured one (a
   * slow boot, for fault campaigns); completes when it is healthy again.
   */
  public Future<Void> reboot(java.time.Duration unauthorizedFor) {
    return onContext(() -> {
      nextUnauthorizedPhase = Optional.of(unauthorizedFor);
      Promise<Void> back = Promise.promise();
      rebootAfter(0, back);
      return back.future();
    });
  }

  /** A one-boot override of the 401 phase's length; on its context only. */
  private Optional<java.time.Duration> nextUnauthorizedPhase = Optional.empty();

  /**
   * Factory reset, as if the instance were replaced: unlicensed, no keyset, no peers, only the
   * system routes, the initial password, no API tokens and a new certificate. Completes when it
   * answers again.
   */
  public Future<Void> wipe() {
    return onContext(() -> {
      lifecycle++;
      return closeListener()
          .compose(v -> sim.vertx().executeBlocking(() -> {
            if (sim.config().tls()) {
              SelfSignedCertificate fresh = SelfSignedCertificate.generate(config.name(), config.privateIp());
              if (dir.isPresent()) {
                Files.deleteIfExists(dir.get().resolve("tls-cert.pem"));
                Files.deleteIfExists(dir.get().resolve("tls-key.pem"));
                fresh = SelfSignedCertificate.loadOrCreate(dir.get(), config.name(), config.privateIp());
              }
              certificate = fresh;
            }
            return null;
          }))
          .compose(v -> {
            data = ControllerData.fresh(initialPassword);
            tokens.clear();
            persist();
            long generation = lifecycle;
            return listen().compose(x -> boot(generation));
          });
    });
  }

  /**
   * Presets a licensed controller quickly (tests that do not exercise licensing): the license
   * uploaded with default parameters, the keyset present (checksum from the license and token, as
   * if generated or downloaded), optionally a peer ID.
   */
  public Future<Void> presetLicensed(String licenseText, String keysetToken, OptionalInt peerId) {
    SimLicense license =
        SimLicense.parse(licenseText).orElseThrow(() -> new IllegalArgumentException("not a simulator license"));
    return onContext(() -> {
      ControllerData d = data;
      d.licenseText = Optional.of(licenseText);
      d.licenseUploadedAt = Optional.of(Instant.now());
      d.finalized = true;
      d.parameters = new JsonObject().put("default", true).put("subnet", "100.64.0.0/16");
      String sum = Digests.sha1("keyset:" + license.licenseId() + ":" + keysetToken);
      d.keyset =
          d.keyset
              .started(Instant.now())
              .done(sum, java.util.UUID.nameUUIDFromBytes(sum.getBytes(StandardCharsets.UTF_8)).toString(), Instant.now(), Digests.sha256(keysetToken));
      peerId.ifPresent(id -> d.peerId = Optional.of(id));
      persist();
      published();
      return Future.succeededFuture();
    });
  }

  /**
   * What it answers a peer contacting it over the simulated network ({@code /_sim/peer}), asked
   * in-process by the controllers of the same simulator; empty while its listener is closed, as
   * the network call would fail then. On the simulator's context.
   */
  Optional<NodeInfo> peerAnswer() {
    return peerAnswer;
  }

  /**
   * Republishes what peers see of it and, when that changed, tells the simulated network: a route
   * that is not advertised changes nothing a peer sees, so the others' views stay valid.
   */
  private void published() {
    Optional<NodeInfo> now = server == null ? Optional.empty() : Optional.of(NodeInfo.of(data));
    if (!now.equals(peerAnswer)) {
      peerAnswer = now;
      sim.invalidate(endpoint());
    }
  }

  /** Closes for good (simulator shutdown); completes once its pending state writes are done. */
  Future<Void> stop() {
    return onContext(() -> {
      lifecycle++;
      status = ControllerStatus.DOWN;
      // State writes are ordered blocking tasks of its context: an ordered no-op runs after them.
      return closeListener().transform(x -> context.executeBlocking(() -> null, true)).mapEmpty();
    });
  }

  private void rebootAfter(long delayMs, Promise<Void> back) {
    long generation = ++lifecycle;
    status = ControllerStatus.REBOOTING;
    Runnable closeThenReopen = () -> {
      if (lifecycle != generation) {
        back.tryComplete();
        return;
      }
      closeListener().onComplete(c -> sim.vertx().setTimer(Math.max(1, sim.config().timings().rebootDuration().toMillis()), t -> {
        if (lifecycle != generation) {
          back.tryComplete();
          return;
        }
        listen().compose(v -> boot(generation)).onComplete(l -> back.handle(l));
      }));
    };
    if (delayMs <= 0) {
      closeThenReopen.run();
    } else {
      sim.vertx().setTimer(delayMs, t -> closeThenReopen.run());
    }
  }

  /**
   * The end of a boot, its listener open again: a license that waited for the boot (a downloaded
   * keyset's) applies, then the front proxy answers 502/503 for the proxy phase, then the API
   * answers 401 for the unauthorized phase. Completes when it is healthy, or at once when a later
   * down/up/reboot/wipe took over.
   */
  private Future<Void> boot(long generation) {
    SimTimings t = sim.config().timings();
    status = ControllerStatus.REBOOTING;
    if (data.licenseAppliesAtBoot) {
      data.licenseAppliesAtBoot = false;
      persist();
      published();
    }
    Promise<Void> healthy = Promise.promise();
    Runnable done = () -> {
      if (lifecycle == generation) {
        bootPhase = BootPhase.NONE;
        status = ControllerStatus.UP;
      }
      healthy.tryComplete();
    };
    Runnable unauthorized = () -> {
      if (lifecycle != generation) {
        healthy.tryComplete();
        return;
      }
      bootPhase = BootPhase.UNAUTHORIZED;
      java.time.Duration unauthorizedFor = nextUnauthorizedPhase.orElse(t.unauthorizedPhase());
      nextUnauthorizedPhase = Optional.empty();
      after(unauthorizedFor, done);
    };
    bootPhase = BootPhase.PROXY;
    after(t.proxyPhase(), unauthorized);
    return healthy.future();
  }

  private void after(java.time.Duration d, Runnable r) {
    if (d.isZero()) {
      r.run();
    } else {
      sim.vertx().setTimer(d.toMillis(), x -> r.run());
    }
  }

  /** Counts, delays and maybe breaks one {@code /api} request, from the seeded random source. */
  private void gate(RoutingContext ctx) {
    HttpMethod m = ctx.request().method();
    (m == HttpMethod.GET || m == HttpMethod.HEAD ? reads : writes).incrementAndGet();
    SimTimings t = sim.config().timings();
    long jitter = t.latencyJitter().toMillis();
    long delay = t.latencyFixed().toMillis() + (jitter > 0 ? random.nextLong(jitter + 1) : 0);
    double roll = random.nextDouble();
    FaultConfig f = faults;
    Runnable go = () -> {
      BootPhase phase = bootPhase;
      if (phase == BootPhase.PROXY) {
        // Which of the two a proxy answers is not in the evidence; both mean "not up yet".
        boolean bad = (Double.doubleToLongBits(roll) & 1) == 0;
        proxyError(ctx, bad ? 502 : 503, bad ? "Bad Gateway" : "Service Unavailable");
      } else if (phase == BootPhase.UNAUTHORIZED) {
        dev.meshctl.simulator.api.ApiError.unauthorized("Unauthorized").send(ctx);
      } else if (roll < f.http502()) {
        proxyError(ctx, 502, "Bad Gateway");
      } else if (roll < f.http502() + f.http503()) {
        proxyError(ctx, 503, "Service Unavailable");
      } else if (roll < f.http502() + f.http503() + f.reset()) {
        ctx.request().connection().close();
      } else if (roll < f.http502() + f.http503() + f.reset() + f.hang()) {
        sim.vertx().setTimer(FaultConfig.HANG_LIMIT_MS, x -> ctx.request().connection().close());
      } else {
        ctx.next();
      }
    };
    if (delay <= 0) {
      go.run();
    } else {
      sim.vertx().setTimer(delay, x -> go.run());
    }
  }

  private static void proxyError(RoutingContext ctx, int status, String reason) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "text/html")
        .end("<html><body><h1>" + status + " " + reason + "</h1></body></html>");
  }

  private void persist() {
    if (dir.isEmpty()) {
      return;
    }
    String json = data.toState().encodePrettily();
    Path file = dir.get().resolve(STATE_FILE);
    sim.vertx().executeBlocking(() -> {
      PrivateFiles.write(file, json);
      return null;
    }, true);
  }

  private <T> Future<T> onContext(Callable<Future<T>> action) {
    Promise<T> p = Promise.promise();
    context.runOnContext(v -> {
      try {
        action.call().onComplete(p);
      } catch (Exception e) {
        p.fail(e);
      }
    });
    return p.future();
  }

  /** The appliance as its API handlers see it. */
  private final class Face implements Appliance {
    @Override
    public SimulatedControllerConfig config() {
      return config;
    }

    @Override
    public ControllerData data() {
      return data;
    }

    @Override
    public SimTimings timings() {
      return sim.config().timings();
    }

    @Override
    public VariableReading variables() {
      return sim.variableReading();
    }

    @Override
    public Vertx vertx() {
      return sim.vertx();
    }

    @Override
    public TokenStore tokens() {
      return tokens;
    }

    @Override
    public void changed() {
      persist();
      published();
    }

    @Override
    public void rebootSoon() {
      // A keyset download's end may be seen off its context: the reboot starts on it.
      // A controller taken down stays down: what waits for the boot happens at its next up().
      context.runOnContext(
          v -> {
            if (status != ControllerStatus.DOWN) {
              rebootAfter(Math.max(1, sim.config().timings().rebootDelay().toMillis()), Promise.promise());
            }
          });
    }

    @Override
    public Future<MeshReport> mesh(MeshScope scope) {
      return sim.explore(endpoint(), NodeInfo.of(data), scope);
    }

    @Override
    public Future<JsonObject> fetchKeyset(String source, String tokenSha256) {
      return sim.fetchKeyset(source, tokenSha256);
    }
  }

  Context context() {
    return context;
  }
}
