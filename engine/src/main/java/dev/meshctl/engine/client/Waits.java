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
 */
final class Waits {
  private Waits() {}

  /** See {@link Vns3Client#awaitReboot(Duration)}; {@code probe} is one {@code GET /config}. */
  static Future<Void> reboot(
      Vertx vertx, WaitPolicy policy, Duration timeout, String controller, Supplier<Future<?>> probe) {
    return new RebootWait(vertx, policy, timeout, controller, probe).start();
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

  /** Whether a failed poll only says the controller is busy, restarting or not ready yet. */
  private static boolean passing(Vns3Error e) {
    return e instanceof Vns3Error.Unreachable
        || e instanceof Vns3Error.ServerBusy
        || e instanceof Vns3Error.Timeout
        || e instanceof Vns3Error.HttpStatus;
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
    private long pollStartedNanos;

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
                boolean more =
                    ar.succeeded() ? onAnswer(ar.result()) : onFailure(errorOf(ar.cause()));
                if (more) {
                  again();
                }
              });
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
                + Failures.seconds(timeout.toMillis())
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

  private static final class RebootWait extends Poller<Void, Object> {
    private boolean down;
    private int streak;

    @SuppressWarnings("unchecked")
    RebootWait(
        Vertx vertx, WaitPolicy policy, Duration timeout, String controller, Supplier<Future<?>> probe) {
      super(vertx, policy, timeout, controller, () -> (Future<Object>) probe.get());
    }

    @Override
    String call() {
      return "reboot wait";
    }

    @Override
    String notDone() {
      return down ? "the API is not steadily back" : "the API never went away and came back";
    }

    @Override
    boolean onAnswer(Object config) {
      last = Optional.of("healthy");
      if (!down && elapsed().compareTo(policy.goDownWindow()) >= 0) {
        // The reboot may have come and gone between two polls: count from here.
        down = true;
      }
      if (down && ++streak >= policy.healthyStreak()) {
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
      down = true;
      streak = 0;
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
      last = Optional.of(k.inProgress() ? "in progress" : "no keyset, no job running");
      if (k.inProgress()) {
        seenRunning = true;
      } else if (stopped(k)) {
        return fail(
            new Vns3Error.JobFailed(
                controller,
                call(),
                "the keyset job"
                    + k.startedAt().map(s -> " started at " + s).orElse("")
                    + " stopped without a keyset"));
      }
      return true;
    }

    @Override
    boolean onFailure(Vns3Error e) {
      // Before a downloaded keyset brings its license, reads answer 403 "Must be licensed first."
      if (!passing(e) && !(e instanceof Vns3Error.Forbidden)) {
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
