package dev.meshctl.engine.lock;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;

/**
 * A lease we hold: renewed on a timer until {@link #release()}. If a renewal finds the lease gone
 * or another run's, {@link #lost()} fails; the apply should then stop starting actions.
 */
public final class HeldLock {
  private final Vertx vertx;
  private final LeaseStore store;
  private final LockSettings settings;
  private final Clock clock;
  private final Promise<Void> lost = Promise.promise();
  private volatile Lease lease;
  private final long timer;

  HeldLock(Vertx vertx, LeaseStore store, LockSettings settings, Clock clock, Lease lease) {
    this.vertx = vertx;
    this.store = store;
    this.settings = settings;
    this.clock = clock;
    this.lease = lease;
    this.timer = vertx.setPeriodic(settings.renewEvery().toMillis(), t -> renew());
  }

  /** The lease as last written. */
  public Lease lease() {
    return lease;
  }

  /** Fails if the lease was found taken by another run or deleted (e.g. by --break-lock). */
  public Future<Void> lost() {
    return lost.future();
  }

  /** Stops renewing and deletes the lease if it is still ours. */
  public Future<Void> release() {
    vertx.cancelTimer(timer);
    return ours()
        .compose(mine -> mine ? store.delete() : Future.succeededFuture())
        .recover(e -> Future.failedFuture(new LockUnavailableException(store.where(), e)));
  }

  private void renew() {
    ours()
        .onSuccess(
            mine -> {
              if (!mine) {
                vertx.cancelTimer(timer);
                lost.tryFail("the apply lock on " + store.where() + " was broken or taken over");
                return;
              }
              Lease renewed = lease.renewedAt(clock.instant(), settings.lease());
              // A failed renewal is tried again at the next tick; the lease outlasts several.
              store.replace(renewed.toJson()).onSuccess(v -> lease = renewed);
            });
  }

  private Future<Boolean> ours() {
    return store
        .read()
        .map(v -> v.flatMap(Lease::parse).map(l -> l.id().equals(lease.id())).orElse(false));
  }
}
