package dev.meshctl.engine.client;

import dev.meshctl.engine.live.KeysetState;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Polling waits for reboots and background jobs, on Vert.x timers. Each wait is its own small
 * state machine: polls run one after another, so its fields are never touched concurrently.
 *
 * <p>What a boot looks like to a client, as the vendor's clients judge it: the API first keeps
 * answering, then connections are refused or time out while the appliance restarts (the only sign
 * either vendor client takes for "down": SDK {@code system_administration_api.py},
 * {@code _wait_for_down}, catches {@code ConnectTimeoutError}/{@code NewConnectionError}/
 * {@code MaxRetryError}; Go {@code cohesivenet/utils.go}, {@code CheckHttpErrorUnavailable}),
 * then a front proxy may answer 502/503, then the API may answer 401 for a while (Go client
 * history: "check for unauthorized responses during onboot"), then it is healthy. A 502, 503, a
 * reset or a slow answer is never taken for the reboot itself: a proxy or a fault gives those on a
 * controller that never went down.
 */
final class Waits {
  private Waits() {}

  /** See {@link Vns3Client#awaitReboot(Duration)}; {@code probe} is one {@code GET /config}. */
  static Future<Void> reboot(
      Vertx vertx, WaitPolicy policy, Duration timeout, String controller, Supplier<Future<?>> probe) {
    return new RebootWait(vertx, policy, timeout, controller, probe, policy.healthyStreak(), false)
        .start();
  }

  /** See {@link Vns3Client#awaitKeyset}; {@code probe} is one {@code GET /keyset}. */
  static Future<KeysetState> keyset(
      Vertx vertx,
      WaitPolicy policy,
      Duration timeout,
      String controller,
      Optional<Long> previousStartedAt,
      Supplier<Future<KeysetState>> probe) {
    return new KeysetWait(vertx, policy, timeout, controller, previousStartedAt, probe).start();
  }

  /**
   * See {@link Vns3Client#awaitDownloadedKeyset}: the keyset, then the reboot that ends the
   * download (counted from the keyset wait if it already saw the controller go down), then the
   * keyset once more on the rebooted controller.
   */
  static Future<KeysetState> downloadedKeyset(
      Vertx vertx,
      WaitPolicy policy,
      Duration keysetTimeout,
      Duration rebootTimeout,
      String controller,
      Optional<Long> previousStartedAt,
      Supplier<Future<KeysetState>> keysetProbe,
      Supplier<Future<?>> configProbe) {
    KeysetWait first = new KeysetWait(vertx, policy, keysetTimeout, controller, previousStartedAt, keysetProbe);
    return first
        .start()
        .compose(
            k ->
                new RebootWait(
                        vertx,
                        policy,
                        rebootTimeout,
                        controller,
                        configProbe,
                        policy.keysetHealthyStreak(),
                        first.sawDown)
                    .start())
        .compose(v -> new KeysetWait(vertx, policy, rebootTimeout, controller, Optional.empty(), keysetProbe).start());
  }

  /** Whether a failed poll only says the controller is busy, restarting or not ready yet. */
  private static boolean passing(Vns3Error e) {
    return e instanceof Vns3Error.Unreachable
        || e instanceof Vns3Error.ServerBusy
        || e instanceof Vns3Error.Timeout
        || e instanceof Vns3Error.HttpStatus;
  }

  /**
   * Whether a failed poll shows the controller down: its listener refused the connection or the
   * connection could not be made in time. Nothing was sent, so no proxy or API answered.
   */
  static boolean wentDown(Vns3Error e) {
    return e instanceof Vns3Error.Unreachable u && !u.requestSent();
  }

  /**
   * Polls until the subclass says stop.
   *
   * @param <T> what the wait answers
   * @param <R> what one poll answers
   */
  private abstract static class Poller<T, R> {
    final Vertx vertx;
    final WaitPolicy policy;
    final Duration timeout;
    final String controller;
    final Supplier<Future<R>> probe;
    final long startedNanos = System.nanoTime();
    final Promise<T> done = Promise.promise();
    Optional<String> last = Optional.empty();
    /** Whether a poll found the controller down (see {@link #wentDown}). */
    boolean sawDown;
    private long pollStartedNanos;
    /** When the current run of 401 answers began, or -1. */
    private long unauthorizedSinceNanos = -1;

    Poller(Vertx vertx, WaitPolicy policy, Duration timeout, String controller, Supplier<Future<R>> probe) {
      this.vertx = vertx;
      this.policy = policy;
      this.timeout = timeout;
      this.controller = controller;
      this.probe = probe;
    }

    Future<T> start() {
      poll();
      return done.future();
    }

    private void poll() {
      pollStartedNanos = System.nanoTime();
      probe
          .get()
          .onComplete(
              ar -> {
                boolean more;
                if (ar.succeeded()) {
                  unauthorizedSinceNanos = -1;
                  more = onAnswer(ar.result());
                } else {
                  Vns3Error e = errorOf(ar.cause());
                  if (e instanceof Vns3Error.Unauthorized) {
                    more = onUnauthorized(e);
                  } else {
                    unauthorizedSinceNanos = -1;
                    if (wentDown(e)) {
                      sawDown = true;
                    }
                    more = onFailure(e);
                  }
                }
                if (more) {
                  again();
                }
              });
    }

    /**
     * A booting controller answers 401 for a while: wait through it for the policy's window, and
     * past it say the password is wrong.
     */
    private boolean onUnauthorized(Vns3Error e) {
      long now = System.nanoTime();
      if (unauthorizedSinceNanos < 0) {
        unauthorizedSinceNanos = now;
      }
      long forMillis = (now - unauthorizedSinceNanos) / 1_000_000;
      if (forMillis > policy.unauthorizedWindow().toMillis()) {
        return fail(
            new Vns3Error.Unauthorized(
                controller,
                call(),
                "401 unauthorized for "
                    + Failures.seconds(forMillis)
                    + ", longer than a booting controller refuses its API: the API password or"
                    + " token is wrong (check what api.password or api.token reads; on AWS the"
                    + " initial password is the instance id)"));
      }
      last = Optional.of(e.reason() + " (still booting?)");
      return true;
    }

    /** Handles a poll's answer; answers whether to poll again (else {@link #done} is settled). */
    abstract boolean onAnswer(R answer);

    /** Handles a failed poll; answers whether to poll again (else {@link #done} is settled). */
    abstract boolean onFailure(Vns3Error error);

    abstract String call();

    abstract String notDone();

    Duration elapsed() {
      return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /**
     * Polls again one interval after the last poll started (the poll's own round trip counts
     * towards it, so a job is seen done at most one interval late), or fails if that would pass
     * the deadline.
     */
    private void again() {
      long sinceLastPoll = System.nanoTime() - pollStartedNanos;
      long pause = Math.max(1, policy.pollInterval().toMillis() - sinceLastPoll / 1_000_000);
      if (elapsed().plusMillis(pause).compareTo(timeout) > 0) {
        String detail =
            notDone()
                + " after "
                + Failures.seconds(elapsed().toMillis())
                + last.map(l -> "; last poll: " + l).orElse("");
        fail(new Vns3Error.Timeout(controller, call(), detail));
        return;
      }
      vertx.setTimer(pause, id -> poll());
    }

    boolean fail(Vns3Error e) {
      done.tryFail(new Vns3Exception(e));
      return false;
    }

    private Vns3Error errorOf(Throwable t) {
      return Vns3Exception.errorOf(t)
          .orElseGet(
              () -> new Vns3Error.Unreachable(controller, call(), String.valueOf(t.getMessage()), true));
    }
  }

  /**
   * Waits for the API to go down (a refused or timed-out connection; see {@link #wentDown}),
   * at most the go-down window, then counts healthy answers as the vendor's clients do: not
   * necessarily in a row (a 502, 503 or 401 while it settles does not start the count again),
   * but a refused connection after it came back does, as the controller went down once more.
   */
  private static final class RebootWait extends Poller<Void, Object> {
    private final int needed;
    /** Seen down, or taken as having rebooted unseen once the go-down window passed. */
    private boolean down;
    private int healthy;

    @SuppressWarnings("unchecked")
    RebootWait(
        Vertx vertx,
        WaitPolicy policy,
        Duration timeout,
        String controller,
        Supplier<Future<?>> probe,
        int needed,
        boolean alreadyDown) {
      super(vertx, policy, timeout, controller, () -> (Future<Object>) probe.get());
      this.needed = needed;
      this.down = alreadyDown;
    }

    @Override
    String call() {
      return "reboot wait";
    }

    @Override
    String notDone() {
      if (!down) {
        return "the API never went down (no refused connection)";
      }
      return "the API is not steadily back (" + healthy + " of " + needed + " healthy answers)";
    }

    @Override
    boolean onAnswer(Object config) {
      last = Optional.of("healthy");
      if (!down && elapsed().compareTo(policy.goDownWindow()) >= 0) {
        // The reboot may have come and gone between two polls: count from here.
        down = true;
      }
      if (down && ++healthy >= needed) {
        done.tryComplete();
        return false;
      }
      return true;
    }

    @Override
    boolean onFailure(Vns3Error e) {
      if (!passing(e)) {
        return fail(e);
      }
      last = Optional.of(e.reason());
      if (wentDown(e)) {
        down = true;
        healthy = 0;
      }
      return true;
    }
  }

  private static final class KeysetWait extends Poller<KeysetState, KeysetState> {
    private final Optional<Long> previousStartedAt;
    private boolean seenRunning;

    KeysetWait(
        Vertx vertx,
        WaitPolicy policy,
        Duration timeout,
        String controller,
        Optional<Long> previousStartedAt,
        Supplier<Future<KeysetState>> probe) {
      super(vertx, policy, timeout, controller, probe);
      this.previousStartedAt = previousStartedAt;
    }

    @Override
    String call() {
      return "keyset wait";
    }

    @Override
    String notDone() {
      return "no keyset";
    }

    @Override
    boolean onAnswer(KeysetState k) {
      if (k.present()) {
        done.tryComplete(k);
        return false;
      }
      last =
          Optional.of(
              (k.inProgress() ? "in progress" : "no keyset, no job running")
                  + k.startedAt().map(s -> " (started_at_i " + s + ")").orElse(""));
      if (k.inProgress()) {
        seenRunning = true;
      } else if (stopped(k)) {
        return fail(
            new Vns3Error.JobFailed(
                controller,
                call(),
                "the keyset job"
                    + k.startedAt().map(s -> " started at " + s).orElse("")
                    + " stopped without a keyset (last poll: in_progress false, keyset_present false)"));
      }
      return true;
    }

    @Override
    boolean onFailure(Vns3Error e) {
      // Before a downloaded keyset's license applies (at the reboot that ends the download),
      // reads answer 403 "Must be licensed first." (SDK cohesivenet/macros/config.py,
      // fetch_keyset_from_source, and configuration_api.py, try_get_keyset).
      boolean unlicensed = e instanceof Vns3Error.Forbidden f && f.unlicensed();
      if (!passing(e) && !unlicensed) {
        return fail(e);
      }
      last = Optional.of(e.reason());
      return true;
    }

    /**
     * Whether an idle controller without a keyset shows that the job ended. A start time other
     * than the earlier attempt's, or a job seen running, is this job's end; a stale record of the
     * earlier attempt is given the go-down window for the new job to show up.
     */
    private boolean stopped(KeysetState k) {
      boolean fresh = k.startedAt().isPresent() && !k.startedAt().equals(previousStartedAt);
      return seenRunning || fresh || elapsed().compareTo(policy.goDownWindow()) >= 0;
    }
  }
}
