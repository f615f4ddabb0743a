package dev.meshctl.engine.plan;

import dev.meshctl.dsl.model.Secret;
import dev.meshctl.engine.client.Vns3Client;
import dev.meshctl.engine.client.Vns3Error;
import dev.meshctl.engine.client.Vns3Exception;
import dev.meshctl.engine.live.KeysetState;
import dev.meshctl.engine.progress.Durations;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * A keyset generation or download, started and waited for across attempts.
 *
 * @param startNanos when the action started
 * @param failedJobs how many jobs stopped without a keyset
 * @param source the root a download is from; empty for a generation
 */
record KeysetJob(long startNanos, int failedJobs, Optional<String> source) {
  /** VNS3's answer to a keyset PUT on a controller that has one: the work is done. */
  static final String KEYSET_EXISTS = "keyset already exists";

  /** The call named in the failure of a download the root refused. */
  static final String KEYSET_DOWNLOAD = "keyset download";

  /** VNS3's answer to a keyset PUT while a generation or download runs: wait for it. */
  static final String KEYSET_IN_PROGRESS = "keyset setup in progress";

  /** Starts the job: {@code PUT /keyset} with the spec's token. */
  interface Put {
    Future<KeysetState> start(Vns3Client c, Secret token);
  }

  /** Waits for the job to end, at most {@code left}, after the one that started at {@code previous}. */
  interface Await {
    Future<KeysetState> until(Vns3Client c, Duration left, Optional<Long> previous);
  }

  /**
   * Runs a keyset action under the spec's keyset timeout.
   *
   * @param source the root a download is from; empty for a generation
   */
  static Future<Void> run(ActionRun run, Optional<String> source, Put put, Await await) {
    Vns3Client c = run.client();
    return new KeysetJob(System.nanoTime(), 0, source)
        .run(
            run,
            run.spec().execution().keysetTimeout(),
            () -> put.start(c, run.spec().keysetToken()),
            (left, previous) -> await.until(c, left, previous));
  }

  Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  KeysetJob oneMoreFailed() {
    return new KeysetJob(startNanos, failedJobs + 1, source);
  }

  /**
   * Starts a keyset job and waits for it. A job that ends without a keyset (a download the root
   * refused or could not serve) is started again while time remains; VNS3 tells such a failure
   * only by the job stopping, and a repeated PUT starting a new one with a new
   * {@code started_at_i} (SDK and Go client, {@code fetch_keyset_from_source}).
   *
   * @param keysetTimeout the spec's keyset timeout, for all attempts together
   */
  Future<Void> run(
      ActionRun run,
      Duration keysetTimeout,
      Supplier<Future<KeysetState>> put,
      BiFunction<Duration, Optional<Long>, Future<KeysetState>> await) {
    Vns3Client c = run.client();
    Duration left = keysetTimeout.minus(elapsed());
    if (left.isNegative() || left.isZero()) {
      return Future.failedFuture(
          new Vns3Exception(new Vns3Error.Timeout(c.controller(), "keyset wait", timedOut(""))));
    }
    return put.get()
        .map(s -> s.startedAt())
        .recover(
            e -> {
              String said = badRequestMessage(e);
              if (said.contains(KEYSET_EXISTS) || said.contains(KEYSET_IN_PROGRESS)) {
                return Future.succeededFuture(Optional.<Long>empty());
              }
              return Future.failedFuture(e);
            })
        .compose(
            startedAt ->
                run.abandonable(await.apply(left, startedAt), "the keyset job")
                    .recover(e -> source.isPresent() ? downloadStopped(c, e) : Future.failedFuture(e)))
        .<Void>mapEmpty()
        .recover(
            e -> {
              Optional<Vns3Error> error = Vns3Exception.errorOf(e);
              if (error.filter(Vns3Error.JobFailed.class::isInstance).isPresent()
                  && !error.get().call().equals(KEYSET_DOWNLOAD)) {
                return oneMoreFailed().run(run, keysetTimeout, put, await);
              }
              if (error.isPresent()
                  && error.get() instanceof Vns3Error.Timeout t
                  && t.call().equals("keyset wait")) {
                String lastPoll = t.detail().contains("; last poll: ")
                    ? t.detail().substring(t.detail().indexOf("; last poll: "))
                    : "";
                return Future.failedFuture(
                    new Vns3Exception(
                        new Vns3Error.Timeout(c.controller(), "keyset wait", timedOut(lastPoll))));
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
  private Future<KeysetState> downloadStopped(Vns3Client c, Throwable e) {
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
                    + source.get()
                    + " refused the keyset download or could not be reached: "
                    + stopped.detail()
                    + " after "
                    + Durations.format(elapsed())
                    + ". Does the keyset token match the one the topology was made with (a token"
                    + " cannot be read back, so diff and plan cannot check it)? Can "
                    + c.controller()
                    + " reach the root on its private network (security groups, routes)?")));
  }

  /**
   * Why a keyset action gave up: the whole time it waited, how many jobs stopped without a
   * keyset, the last poll, and for a download that kept failing what to check.
   */
  private String timedOut(String lastPoll) {
    StringBuilder b = new StringBuilder("no keyset after ").append(Durations.format(elapsed()));
    if (failedJobs > 0) {
      b.append(" (")
          .append(failedJobs)
          .append(failedJobs == 1 ? " job" : " jobs")
          .append(" stopped without a keyset)");
    }
    b.append(lastPoll);
    if (failedJobs > 0 && source.isPresent()) {
      b.append("; the root at ")
          .append(source.get())
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
        .map(b -> ((Vns3Error.BadRequest) b).vns3Message().toLowerCase(Locale.ROOT))
        .orElse("");
  }
}
