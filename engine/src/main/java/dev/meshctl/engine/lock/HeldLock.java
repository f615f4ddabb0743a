package dev.meshctl.engine.lock;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A lease we hold, renewed on a timer until {@link #release()}. A renewal writes a new claim (a new
 * name: no update of a variable is needed), lists the claims, and only then deletes the old one;
 * finding the old claim gone means another run deleted it ({@code --break-lock}, {@code unlock})
 * and the lock is lost. {@link #confirm()} checks the same before an action starts. Once lost,
 * {@link #lost()} fails and the apply starts no more actions.
 */
public final class HeldLock {
  private final Vertx vertx;
  private final LeaseStore store;
  private final LockSettings settings;
  private final Clock clock;
  private final AtomicLong next;
  private final Promise<Void> lost = Promise.promise();
  /** The renewal in flight, if any: a release waits for it, so that no claim outlives it. */
  private volatile Future<Void> renewing = Future.succeededFuture();
  private final AtomicBoolean released = new AtomicBoolean();
  /** Renewal claims that may have been stored but were not switched to. */
  private final List<Claim> strays = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final long timer;
  /** The claim known to have stood without a gap since the lock was taken. */
  private volatile Claim current;
  private volatile Lease lease;
  private volatile Instant confirmedAt;
  private volatile Future<Void> checking;

  HeldLock(Vertx vertx, LeaseStore store, LockSettings settings, Clock clock, Claim claim, Lease lease, AtomicLong next) {
    this.vertx = vertx;
    this.store = store;
    this.settings = settings;
    this.clock = clock;
    this.current = claim;
    this.lease = lease;
    this.next = next;
    this.confirmedAt = clock.instant();
    this.timer = vertx.setPeriodic(settings.renewEvery().toMillis(), t -> renew());
  }

  /** The lease as last written. */
  public Lease lease() {
    return lease;
  }

  /** Fails, with why, once the lease was found deleted or lapsed. */
  public Future<Void> lost() {
    return lost.future();
  }

  /**
   * Succeeds if the lock is still ours: checked against the root unless that was done within
   * {@link LockSettings#retryEvery()}. Fails (and {@link #lost()} with it) if our claim was
   * deleted, or our lease lapsed because the root did not answer renewals.
   */
  public Future<Void> confirm() {
    if (lost.future().failed()) {
      return Future.failedFuture(lost.future().cause());
    }
    if (released.get()) {
      return Future.failedFuture(new IllegalStateException("the apply lock was released"));
    }
    Instant now = clock.instant();
    if (!now.isBefore(lease.expiresAt())) {
      return lose("the apply lock's lease on " + store.where() + " lapsed at " + lease.expiresAt()
          + ": the root did not answer its renewals, so another run may hold it now");
    }
    if (now.isBefore(confirmedAt.plus(settings.retryEvery()))) {
      return Future.succeededFuture();
    }
    Future<Void> inFlight = checking;
    if (inFlight != null && !inFlight.isComplete()) {
      return inFlight;
    }
    Claim expected = current;
    Future<Void> check = store.claims().transform(listed -> {
      if (listed.failed()) {
        // A blip: the lease still stands (checked above), and the renewal keeps trying.
        return Future.succeededFuture();
      }
      if (present(listed.result(), expected) || present(listed.result(), current)) {
        confirmedAt = now;
        return Future.succeededFuture();
      }
      return lose(brokenMessage());
    });
    checking = check;
    return check;
  }

  /** Stops renewing and deletes our claim, once a renewal in flight has ended. */
  public Future<Void> release() {
    vertx.cancelTimer(timer);
    released.set(true);
    return renewing
        .transform(r -> deleteStrays().transform(x -> store.delete(current)))
        .recover(e -> Future.failedFuture(new LockUnavailableException(store.where(), e)));
  }

  private void renew() {
    if (released.get() || lost.future().isComplete() || !renewing.isComplete()) {
      return;
    }
    Promise<Void> done = Promise.promise();
    renewing = done.future();
    Instant now = clock.instant();
    Lease renewed = lease.renewedAt(now, settings.lease());
    String name = Claim.name(renewed.id(), next.getAndIncrement());
    String value = renewed.toJson();
    Claim old = current;
    store.create(name, value)
        .transform(created -> store.claims())
        .onComplete(listed -> {
          try {
            switchTo(listed, old, name, value, renewed, now);
          } finally {
            // After the switch: a release waiting on this deletes the claim that stands.
            done.complete();
          }
        });
  }

  /** Decides on the list read after a renewal's claim was written. */
  private void switchTo(
      AsyncResult<List<Claim>> listed, Claim old, String name, String value, Lease renewed, Instant now) {
    Claim written = new Claim(name, name, value);
    if (listed.failed()) {
      // Tried again at the next tick; the lease outlasts several, and confirm() stops the apply
      // once it has lapsed. The claim may have been stored: deleted with the next one.
      strays.add(written);
      return;
    }
    List<Claim> claims = listed.result();
    if (!present(claims, old)) {
      claims.stream().filter(c -> c.name().equals(name)).findFirst().ifPresent(store::delete);
      lose(brokenMessage());
      return;
    }
    Claim stored = claims.stream().filter(c -> c.name().equals(name) && c.value().equals(value)).findFirst().orElse(null);
    if (stored == null) {
      strays.add(written);
      return;
    }
    // The old claim stood until after the new one was stored: no gap. Switch, then delete.
    current = stored;
    lease = renewed;
    confirmedAt = now;
    store.delete(old);
    deleteStrays();
  }

  private Future<Void> deleteStrays() {
    List<Claim> gone = List.copyOf(strays);
    strays.removeAll(gone);
    return Future.join(gone.stream().map(store::delete).toList()).mapEmpty();
  }

  private String brokenMessage() {
    return "the apply lock on " + store.where() + " was broken by another run (its claim "
        + current.listedAs() + " was deleted, e.g. by 'meshctl apply --break-lock' or 'meshctl unlock')";
  }

  private Future<Void> lose(String why) {
    vertx.cancelTimer(timer);
    lost.tryFail(why);
    return Future.failedFuture(lost.future().cause());
  }

  private static boolean present(List<Claim> claims, Claim c) {
    return claims.stream().anyMatch(x -> x.name().equals(c.name()) && x.value().equals(c.value()));
  }
}
