package dev.meshctl.engine.live;

import dev.meshctl.dsl.model.ControllerSpec;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.engine.client.Vns3Client;
import dev.meshctl.engine.client.Vns3Error;
import dev.meshctl.engine.client.Vns3Exception;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads the live state of a mesh: every controller at once, and on each controller its five
 * reads ({@code GET /config}, {@code /license}, {@code /keyset}, {@code /peering}, {@code
 * /routes}) at once, so a mesh costs about one controller's read time and exactly one round of
 * reads per controller.
 *
 * <p>An unreachable or unauthorised controller becomes {@link ControllerObservation.Unreadable}
 * with the reason; the others are still read. The answer never fails.
 *
 * <p>Built with a Vert.x instance, each controller's reads share one deadline, its request
 * timeout, counted from when they all start: a controller that has not answered by then is
 * reported to the {@link ReadListener} at once and read as unreadable, rather than waited for
 * through every retry of every call (a hanging controller used to hold a diff for minutes).
 */
public final class LiveStateReader {
  private static final List<String> CALLS =
      List.of("GET /config", "GET /license", "GET /keyset", "GET /peering", "GET /routes");

  private final Vertx vertx;
  private final ReadListener listener;

  /** Without a deadline: each call ends as its client's retries end. */
  public LiveStateReader() {
    this(null, ReadListener.NONE);
  }

  /** With a deadline per controller, its request timeout, telling {@code listener} how it goes. */
  public LiveStateReader(Vertx vertx, ReadListener listener) {
    this.vertx = vertx;
    this.listener = listener;
  }

  /** Reads every controller of {@code spec} through its client in {@code clients} (by name). */
  public Future<MeshState> read(MeshSpec spec, Map<String, Vns3Client> clients) {
    List<Future<ControllerObservation>> reads = new ArrayList<>();
    for (ControllerSpec c : spec.controllers()) {
      Vns3Client client = clients.get(c.name());
      reads.add(
          client == null
              ? Future.succeededFuture(
                  new ControllerObservation.Unreadable(c.name(), "no API client for this controller"))
              : bounded(c, client));
    }
    // join, not all: wait for every controller so that every unreadable one is reported.
    return Future.join(reads)
        .transform(
            done -> {
              SortedMap<String, ControllerObservation> byName = new TreeMap<>();
              for (Future<ControllerObservation> f : reads) {
                ControllerObservation o = f.result();
                byName.put(o.controller(), o);
              }
              return Future.succeededFuture(new MeshState(byName));
            });
  }

  /**
   * Reads one controller under its deadline (without a Vert.x instance, as {@link #read(
   * ControllerSpec, Vns3Client)}); never fails.
   */
  public Future<ControllerObservation> bounded(ControllerSpec c, Vns3Client client) {
    if (vertx == null) {
      return read(c, client);
    }
    List<Future<?>> calls = new ArrayList<>();
    Future<ControllerObservation> read = read(c, client, calls);
    Promise<ControllerObservation> answer = Promise.promise();
    Duration limit = c.api().requestTimeout();
    long timer =
        vertx.setTimer(
            Math.max(1, limit.toMillis()),
            id -> {
              List<String> pending = new ArrayList<>();
              for (int i = 0; i < calls.size(); i++) {
                if (!calls.get(i).isComplete()) {
                  pending.add(CALLS.get(i));
                }
              }
              String detail = String.join(", ", pending) + ": no answer within " + seconds(limit);
              if (answer.tryComplete(new ControllerObservation.Unreadable(c.name(), detail))) {
                listener.timedOut(c.name(), pending, limit);
              }
            });
    read.onComplete(
        done -> {
          vertx.cancelTimer(timer);
          if (answer.tryComplete(done.result())) {
            listener.answered(c.name());
          }
        });
    return answer.future();
  }

  private static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
  }

  /** Reads one controller; never fails (a failure is an {@link ControllerObservation.Unreadable}). */
  public Future<ControllerObservation> read(ControllerSpec c, Vns3Client client) {
    return read(c, client, new ArrayList<>());
  }

  /** As {@link #read(ControllerSpec, Vns3Client)}, adding its five calls to {@code calls}. */
  private Future<ControllerObservation> read(ControllerSpec c, Vns3Client client, List<Future<?>> calls) {
    Future<ConfigState> config = client.getConfig();
    Future<LicenseState> license = client.getLicense();
    Future<KeysetState> keyset = client.getKeyset();
    Future<PeeringState> peering = client.getPeering();
    Future<List<LiveRoute>> routes = client.getRoutes();
    calls.addAll(List.of(config, license, keyset, peering, routes));
    return Future.join(config, license, keyset, peering, routes)
        .transform(
            done -> {
              List<String> problems = new ArrayList<>();
              ConfigState cfg = orProblem(config, null, problems);
              LicenseState lic = orProblem(license, LicenseState.ABSENT, problems);
              KeysetState key = orProblem(keyset, KeysetState.ABSENT, problems);
              PeeringState peer =
                  orProblem(peering, new PeeringState(Optional.empty(), new TreeMap<>()), problems);
              List<LiveRoute> rts = orProblem(routes, List.of(), problems);
              if (!problems.isEmpty()) {
                return Future.succeededFuture(
                    new ControllerObservation.Unreadable(c.name(), summary(problems)));
              }
              return Future.succeededFuture(
                  new ControllerObservation.Observed(
                      new ControllerState(c.name(), cfg, lic, key, peer, rts)));
            });
  }

  /**
   * The read's value; or {@code unlicensed} when the controller refuses it for want of a license,
   * which is a state, not an error; or else a problem noted. Only "Must be licensed first." is
   * taken for a state: it is the one refusal the vendor's sources show for these reads (OpenAPI
   * 403 examples; SDK {@code try_get_keyset}); any other 403 leaves the controller unreadable, so
   * nothing is planned on a guess.
   */
  private static <T> T orProblem(
      Future<T> read, T unlicensed, List<String> problems) {
    if (read.succeeded()) {
      return read.result();
    }
    Optional<Vns3Error> error = Vns3Exception.errorOf(read.cause());
    if (unlicensed != null
        && error.isPresent()
        && error.get() instanceof Vns3Error.Forbidden f
        && prerequisiteMissing(f)) {
      return unlicensed;
    }
    problems.add(error.map(Vns3Error::reason).orElse(String.valueOf(read.cause().getMessage())));
    return unlicensed;
  }

  private static boolean prerequisiteMissing(Vns3Error.Forbidden f) {
    return f.unlicensed();
  }

  /**
   * One sentence for several failed reads. When they fail alike (all refused, all 401), the
   * first says it all, with how many reads failed that way.
   */
  private static String summary(List<String> problems) {
    TreeSet<String> details = new TreeSet<>();
    for (String p : problems) {
      details.add(p.substring(p.indexOf(": ") + 2));
    }
    if (details.size() == 1 && problems.size() > 1) {
      return problems.get(0) + " (and " + (problems.size() - 1) + " more reads alike)";
    }
    return String.join("; ", problems);
  }
}
