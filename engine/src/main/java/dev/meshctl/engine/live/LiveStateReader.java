package dev.meshctl.engine.live;

import dev.meshctl.dsl.model.ControllerSpec;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.engine.client.Vns3Client;
import dev.meshctl.engine.client.Vns3Error;
import dev.meshctl.engine.client.Vns3Exception;
import io.vertx.core.Future;
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
 */
public final class LiveStateReader {

  /** Reads every controller of {@code spec} through its client in {@code clients} (by name). */
  public Future<MeshState> read(MeshSpec spec, Map<String, Vns3Client> clients) {
    List<Future<ControllerObservation>> reads = new ArrayList<>();
    for (ControllerSpec c : spec.controllers()) {
      Vns3Client client = clients.get(c.name());
      reads.add(
          client == null
              ? Future.succeededFuture(
                  new ControllerObservation.Unreadable(c.name(), "no API client for this controller"))
              : read(c, client));
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

  /** Reads one controller; never fails (a failure is an {@link ControllerObservation.Unreadable}). */
  public Future<ControllerObservation> read(ControllerSpec c, Vns3Client client) {
    Future<ConfigState> config = client.getConfig();
    Future<LicenseState> license = client.getLicense();
    Future<KeysetState> keyset = client.getKeyset();
    Future<PeeringState> peering = client.getPeering();
    Future<List<LiveRoute>> routes = client.getRoutes();
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
