package dev.meshctl.engine.apply;

import dev.meshctl.dsl.model.ExecutionSpec;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.engine.client.RouteRequest;
import dev.meshctl.engine.client.Vns3Client;
import dev.meshctl.engine.client.Vns3Error;
import dev.meshctl.engine.client.Vns3Exception;
import dev.meshctl.engine.live.KeysetState;
import dev.meshctl.engine.plan.AcceptLicenseParameters;
import dev.meshctl.engine.plan.CreatePeer;
import dev.meshctl.engine.plan.CreateRoute;
import dev.meshctl.engine.plan.DeletePeer;
import dev.meshctl.engine.plan.DeleteRoute;
import dev.meshctl.engine.plan.FetchKeyset;
import dev.meshctl.engine.plan.GenerateKeyset;
import dev.meshctl.engine.plan.PlanAction;
import dev.meshctl.engine.plan.SetNames;
import dev.meshctl.engine.plan.SetPeerId;
import dev.meshctl.engine.plan.UpdatePeer;
import dev.meshctl.engine.plan.UploadLicense;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Turns one plan action into calls on its controller's client. Secrets (license text, keyset
 * token) come from the {@link MeshSpec} at run time; they are never in a plan, a message or the
 * output.
 *
 * <p>Each action runs under its own deadline: a simple call under a few request timeouts (the
 * client retries transient failures inside it), a call followed by a reboot or keyset wait under
 * the spec's reboot or keyset timeout plus one request timeout.
 */
public final class ActionExecutor {
  /** VNS3's answer to a keyset PUT on a controller that has one: the work is done. */
  static final String KEYSET_EXISTS = "keyset already exists";

  /** The call named in the failure of a download the root refused. */
  static final String KEYSET_DOWNLOAD = "keyset download";

  /** VNS3's answer to a keyset PUT while a generation or download runs: wait for it. */
  static final String KEYSET_IN_PROGRESS = "keyset setup in progress";

  private final MeshSpec spec;
  private final Map<String, Vns3Client> clients;
  private final Future<Void> abandonWaits;
  /** Per controller name: its API's request timeout (looked up for every action). */
  private final Map<String, Duration> requestTimeouts;

  /**
   * @param spec the desired state, for secrets and timeouts
   * @param clients a client per controller name
   */
  public ActionExecutor(MeshSpec spec, Map<String, Vns3Client> clients) {
    this(spec, clients, Promise.<Void>promise().future());
  }

  /**
   * @param abandonWaits completing it abandons every reboot and keyset wait under way (the
   *     user interrupted): the action fails at once saying so, rather than after minutes. A
   *     request already sent is still waited for, so no write is left ambiguous by it.
   */
  public ActionExecutor(MeshSpec spec, Map<String, Vns3Client> clients, Future<Void> abandonWaits) {
    this.spec = spec;
    this.abandonWaits = abandonWaits;
    this.clients = Map.copyOf(clients);
    Map<String, Duration> timeouts = new java.util.HashMap<>();
    spec.controllers().forEach(c -> timeouts.put(c.name(), c.api().requestTimeout()));
    this.requestTimeouts = Map.copyOf(timeouts);
  }

  /** Runs one action; the future fails with a message naming the controller and the call. */
  public Future<Void> run(PlanAction action) {
    Vns3Client client = clients.get(action.controller());
    if (client == null) {
      return Future.failedFuture(
          new IllegalStateException("no client for controller \"" + action.controller() + "\""));
    }
    Duration limit = timeout(action);
    return start(action, client)
        .timeout(limit.toMillis(), TimeUnit.MILLISECONDS)
        .recover(
            e ->
                Future.failedFuture(
                    e instanceof java.util.concurrent.TimeoutException
                        ? new Vns3Exception(
                            new Vns3Error.Timeout(
                                action.controller(),
                                action.type(),
                                "did not finish within " + limit.toSeconds() + "s"))
                        : e));
  }

  /** How long the action may take in all. */
  public Duration timeout(PlanAction action) {
    ExecutionSpec ex = spec.execution();
    Duration request = requestTimeout(action.controller());
    if (action instanceof AcceptLicenseParameters) {
      return ex.rebootTimeout().plus(request.multipliedBy(2));
    }
    if (action instanceof GenerateKeyset) {
      return ex.keysetTimeout().plus(request.multipliedBy(2));
    }
    if (action instanceof FetchKeyset) {
      // The download ends in a reboot, waited for under the reboot timeout.
      return ex.keysetTimeout().plus(ex.rebootTimeout()).plus(request.multipliedBy(2));
    }
    return request.multipliedBy(4);
  }

  private Duration requestTimeout(String controller) {
    return requestTimeouts.getOrDefault(controller, dev.meshctl.dsl.model.ApiAccess.DEFAULT_REQUEST_TIMEOUT);
  }

  private Future<Void> start(PlanAction action, Vns3Client c) {
    if (action instanceof UploadLicense) {
      return c.putLicense(spec.license().text());
    }
    if (action instanceof AcceptLicenseParameters a) {
      return c.putLicenseParameters(a.licenseParameters())
          .compose(v -> abandonable(c.awaitReboot(spec.execution().rebootTimeout()), "the reboot"));
    }
    if (action instanceof GenerateKeyset) {
      return keysetJob(
          c,
          () -> c.generateKeyset(spec.keysetToken()),
          (left, startedAt) -> c.awaitKeyset(left, startedAt),
          new KeysetJob(System.nanoTime(), 0, Optional.empty()));
    }
    if (action instanceof FetchKeyset f) {
      Duration reboot = spec.execution().rebootTimeout();
      return keysetJob(
          c,
          () -> c.fetchKeyset(f.sourceIp(), spec.keysetToken()),
          (left, startedAt) -> c.awaitDownloadedKeyset(left, reboot, startedAt),
          new KeysetJob(System.nanoTime(), 0, Optional.of(f.sourceIp())));
    }
    if (action instanceof SetNames n) {
      return c.putConfig(Optional.of(n.topologyName()), n.controllerName()).mapEmpty();
    }
    if (action instanceof SetPeerId p) {
      return c.setPeerId(p.peerId()).mapEmpty();
    }
    if (action instanceof CreatePeer p) {
      return c.createPeer(p.peerId(), p.peerAddress(), OptionalInt.of(p.mtu())).mapEmpty();
    }
    if (action instanceof UpdatePeer p) {
      return c.updatePeer(p.peerId(), p.peerAddress(), OptionalInt.of(p.mtu())).mapEmpty();
    }
    if (action instanceof DeletePeer p) {
      return c.deletePeer(p.peerId()).mapEmpty();
    }
    if (action instanceof CreateRoute r) {
      return c.createRoute(
              new RouteRequest(
                  r.cidr(), r.gateway(), r.iface(), r.advertise(), r.metric(), Optional.of(r.description())))
          .mapEmpty();
    }
    if (action instanceof DeleteRoute r) {
      return c.deleteRoute(r.routeId()).mapEmpty();
    }
    return Future.failedFuture(new IllegalStateException("unknown action " + action.type()));
  }

  /**
   * {@code wait}, unless the user interrupts first: then a failure saying the wait was left,
   * while the controller goes on by itself.
   */
  private <T> Future<T> abandonable(Future<T> wait, String what) {
    Promise<T> result = Promise.promise();
    wait.onComplete(result);
    abandonWaits.onComplete(
        v ->
            result.tryFail(
                new java.util.concurrent.CancellationException(
                    "interrupted: stopped waiting for " + what + "; the controller carries on by itself,"
                        + " and a re-run reads where it got to")));
    return result.future();
  }

  /**
   * Where a keyset action stands across its attempts.
   *
   * @param startNanos when the action started
   * @param failedJobs how many jobs stopped without a keyset
   * @param source the root a download is from; empty for a generation
   */
  private record KeysetJob(long startNanos, int failedJobs, Optional<String> source) {
    Duration elapsed() {
      return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    KeysetJob oneMoreFailed() {
      return new KeysetJob(startNanos, failedJobs + 1, source);
    }
  }

  /**
   * Starts a keyset job and waits for it. A job that ends without a keyset (a download the root
   * refused or could not serve) is started again while time remains; VNS3 tells such a failure
   * only by the job stopping, and a repeated PUT starting a new one with a new
   * {@code started_at_i} (SDK and Go client, {@code fetch_keyset_from_source}).
   */
  private Future<Void> keysetJob(
      Vns3Client c,
      java.util.function.Supplier<Future<KeysetState>> put,
      java.util.function.BiFunction<Duration, Optional<Long>, Future<KeysetState>> await,
      KeysetJob job) {
    Duration left = spec.execution().keysetTimeout().minus(job.elapsed());
    if (left.isNegative() || left.isZero()) {
      return Future.failedFuture(
          new Vns3Exception(new Vns3Error.Timeout(c.controller(), "keyset wait", keysetTimedOut(job, ""))));
    }
    return put.get()
        .map(s -> s.startedAt())
        .recover(
            e -> {
              String said = badRequestMessage(e);
              if (said.contains(KEYSET_EXISTS)) {
                return Future.succeededFuture(Optional.<Long>empty());
              }
              if (said.contains(KEYSET_IN_PROGRESS)) {
                return Future.succeededFuture(Optional.<Long>empty());
              }
              return Future.failedFuture(e);
            })
        .compose(
            startedAt ->
                abandonable(await.apply(left, startedAt), "the keyset job")
                    .recover(e -> job.source().isPresent() ? downloadStopped(c, job, e) : Future.failedFuture(e)))
        .<Void>mapEmpty()
        .recover(
            e -> {
              Optional<Vns3Error> error = Vns3Exception.errorOf(e);
              if (error.filter(Vns3Error.JobFailed.class::isInstance).isPresent()
                  && !error.get().call().equals(KEYSET_DOWNLOAD)) {
                return keysetJob(c, put, await, job.oneMoreFailed());
              }
              if (error.isPresent()
                  && error.get() instanceof Vns3Error.Timeout t
                  && t.call().equals("keyset wait")) {
                String lastPoll = t.detail().contains("; last poll: ")
                    ? t.detail().substring(t.detail().indexOf("; last poll: "))
                    : "";
                return Future.failedFuture(
                    new Vns3Exception(
                        new Vns3Error.Timeout(c.controller(), "keyset wait", keysetTimedOut(job, lastPoll))));
              }
              return Future.failedFuture(e);
            });
  }

  /**
   * A download job that stopped without a keyset ends the action at once, as the vendor's SDK
   * ends {@code fetch_keyset_from_source} at the first job that stops ({@code macros/config.py}:
   * a new {@code started_at_i} raises "Failed to fetch keyset for source"): VNS3 gives no reason,
   * and the likely ones, another keyset token or a root this controller cannot reach, do not pass
   * by waiting. Other failures pass through.
   */
  private static Future<KeysetState> downloadStopped(Vns3Client c, KeysetJob job, Throwable e) {
    Optional<Vns3Error> error = Vns3Exception.errorOf(e);
    if (error.isEmpty() || !(error.get() instanceof Vns3Error.JobFailed stopped)) {
      return Future.failedFuture(e);
    }
    return Future.failedFuture(
        new Vns3Exception(
            new Vns3Error.JobFailed(
                c.controller(),
                KEYSET_DOWNLOAD,
                "the root at "
                    + job.source().get()
                    + " refused the keyset download or could not be reached: "
                    + stopped.detail()
                    + " after "
                    + dev.meshctl.engine.progress.Durations.format(job.elapsed())
                    + ". Does the keyset token match the one the topology was made with (a token"
                    + " cannot be read back, so diff and plan cannot check it)? Can "
                    + c.controller()
                    + " reach the root on its private network (security groups, routes)?")));
  }

  /**
   * Why a keyset action gave up: the whole time it waited, how many jobs stopped without a
   * keyset, the last poll, and for a download that kept failing what to check.
   */
  private static String keysetTimedOut(KeysetJob job, String lastPoll) {
    StringBuilder b =
        new StringBuilder("no keyset after ")
            .append(dev.meshctl.engine.progress.Durations.format(job.elapsed()));
    if (job.failedJobs() > 0) {
      b.append(" (")
          .append(job.failedJobs())
          .append(job.failedJobs() == 1 ? " job" : " jobs")
          .append(" stopped without a keyset)");
    }
    b.append(lastPoll);
    if (job.failedJobs() > 0 && job.source().isPresent()) {
      b.append("; the root at ")
          .append(job.source().get())
          .append(" refused the download or could not be reached: does the keyset token match")
          .append(" the one the topology was made with? Can this controller reach the root on")
          .append(" its private network (security groups, routes)?");
    }
    return b.toString();
  }

  /** The lower-case VNS3 message of a 400 answer, or "" for any other failure. */
  private static String badRequestMessage(Throwable e) {
    return Vns3Exception.errorOf(e)
        .filter(Vns3Error.BadRequest.class::isInstance)
        .map(b -> ((Vns3Error.BadRequest) b).vns3Message().toLowerCase(java.util.Locale.ROOT))
        .orElse("");
  }
}
