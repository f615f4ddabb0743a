package dev.meshctl.engine.reconcile;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;

/**
 * {@code meshctl reconcile}: keeps the live mesh equal to the spec, tick after tick. Each tick
 * reloads the spec if its file changed, reads the controllers, and repairs the drift it may
 * repair through the apply engine, under the apply lock; irreversible drift is only reported. A
 * controller that keeps failing is left alone with a growing backoff while the others are
 * reconciled. Ticks are chained on Vert.x timers, with jitter; nothing waits on a thread.
 *
 * <pre>{@code
 * Reconciler r = new Reconciler(vertx, source, pool, options, listener);
 * r.start();            // ticks until stop()
 * r.stop().onComplete(...); // after the current tick, lock released
 * }</pre>
 */
public final class Reconciler {
  private final Vertx vertx;
  private final SpecSource source;
  private final ClientPool pool;
  private final ReconcileOptions options;
  private final ReconcileListener listener;
  private final Clock clock;
  private final Random random;
  private final Context context;
  private final Promise<Void> stopping = Promise.promise();
  private final Promise<Void> stopped = Promise.promise();

  // Confined to the context.
  private Backoffs backoffs;
  private long ticks;
  private boolean running;
  private boolean started;
  private long timer = -1;
  private volatile Optional<TickReport> last = Optional.empty();

  public Reconciler(
      Vertx vertx,
      SpecSource source,
      ClientPool pool,
      ReconcileOptions options,
      ReconcileListener listener) {
    this(vertx, source, pool, options, listener, Clock.systemUTC(), new Random());
  }

  /** With a given clock (backoff deadlines) and random source (jitter), for tests. */
  public Reconciler(
      Vertx vertx,
      SpecSource source,
      ClientPool pool,
      ReconcileOptions options,
      ReconcileListener listener,
      Clock clock,
      Random random) {
    this.vertx = vertx;
    this.source = source;
    this.pool = pool;
    this.options = options;
    this.listener = listener;
    this.clock = clock;
    this.random = random;
    this.context = vertx.getOrCreateContext();
    this.backoffs = Backoffs.none(options.backoff());
  }

  /** Runs one tick now (for {@code --once}, and tests); fails if a tick is already running. */
  public Future<TickReport> tick() {
    Promise<TickReport> done = Promise.promise();
    context.runOnContext(v -> runTick().onComplete(done));
    return done.future();
  }

  /** Starts ticking: the first tick at once, each next one an interval (plus jitter) after the last ended. */
  public void start() {
    context.runOnContext(
        v -> {
          if (started || stopping.future().isComplete()) {
            return;
          }
          started = true;
          loop();
        });
  }

  /**
   * Stops the loop: no new tick starts, the running one starts no new action, and the future
   * completes when it has ended and released the lock.
   */
  public Future<Void> stop() {
    try {
      context.runOnContext(
          v -> {
            stopping.tryComplete();
            if (timer >= 0) {
              vertx.cancelTimer(timer);
              timer = -1;
            }
            if (!running) {
              stopped.tryComplete();
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      // Vert.x is closed (a signal after the loop ended): nothing runs any more.
      stopped.tryComplete();
    }
    return stopped.future();
  }

  /** Completes once the loop has stopped (after {@link #stop()}), without asking it to. */
  public Future<Void> stopped() {
    return stopped.future();
  }

  /** The last tick's report, if a tick ended. */
  public Optional<TickReport> lastReport() {
    return last;
  }

  /** The delay before the next tick: the interval plus up to {@code jitter} of it. */
  static Duration nextDelay(Duration interval, double jitter, double draw) {
    return interval.plusMillis(Math.round(interval.toMillis() * jitter * draw));
  }

  private void loop() {
    runTick()
        .onComplete(
            r -> {
              if (stopping.future().isComplete()) {
                stopped.tryComplete();
                return;
              }
              Duration delay = nextDelay(options.interval(), options.jitter(), random.nextDouble());
              timer = vertx.setTimer(Math.max(1, delay.toMillis()), t -> {
                timer = -1;
                loop();
              });
            });
  }

  private Future<TickReport> runTick() {
    if (running) {
      return Future.failedFuture(new IllegalStateException("a tick is already running"));
    }
    running = true;
    Tick tick =
        new Tick(vertx, ++ticks, options, pool, listener, clock, backoffs, stopping.future());
    return tick.run(source)
        .transform(
            done -> {
              running = false;
              if (done.failed()) {
                return Future.failedFuture(done.cause());
              }
              TickReport report = done.result();
              backoffs = tick.backoffs();
              last = Optional.of(report);
              try {
                listener.tick(report);
              } catch (RuntimeException e) {
                // A listener's bug (a full disk under the log) must not stop the loop.
              }
              if (stopping.future().isComplete() && !started) {
                stopped.tryComplete();
              }
              return Future.succeededFuture(report);
            });
  }
}
