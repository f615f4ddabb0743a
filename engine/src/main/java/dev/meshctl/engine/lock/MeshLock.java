package dev.meshctl.engine.lock;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The apply lock of one mesh: a lease stored on the root controller, so that it holds across
 * machines. Taking it creates the value (the store's one atomic step, which fails if a lease is
 * there) and re-reads it to see whose lease is stored; a lapsed lease (a run that died) is taken over; another run's live lease
 * makes us wait up to a limit, then refuse with who holds it.
 *
 * <p>Known limit: two runs taking over the same lapsed lease at the same instant can both see
 * their own lease for a moment; the loser finds out at its first renewal ({@link
 * HeldLock#lost()}). Each step waits on timers, never a thread.
 */
public final class MeshLock {
  private final Vertx vertx;
  private final LeaseStore store;
  private final LockSettings settings;
  private final Clock clock;

  public MeshLock(Vertx vertx, LeaseStore store, LockSettings settings, Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Takes the lock.
   *
   * @param holder who we are, {@code user@host:pid}
   * @param waitUpTo how long to wait for another run's live lease; zero refuses at once
   * @return the held lock, renewed until released; fails with {@link LockHeldException} or
   *     {@link LockUnavailableException}
   */
  public Future<HeldLock> acquire(String holder, Duration waitUpTo) {
    // Creating fails when a lease exists, and the re-read after it says whose: no read first.
    return create(holder, UUID.randomUUID().toString(), clock.instant().plus(waitUpTo));
  }

  /** The lease stored now, if any (a value that is not a lease reads as empty). */
  public Future<Optional<Lease>> current() {
    return unavailableOnFailure(store.read()).map(v -> v.flatMap(Lease::parse));
  }

  /** Deletes whatever lease is stored, live or not, and answers what it was. */
  public Future<Optional<Lease>> breakLock() {
    return current().compose(was -> unavailableOnFailure(store.delete()).map(was));
  }

  private Future<HeldLock> attempt(String holder, String id, Instant deadline) {
    return unavailableOnFailure(store.read()).compose(stored -> decide(stored, holder, id, deadline));
  }

  /** What to do about the lease {@code stored} now: hold it, wait for it, take it over or create one. */
  private Future<HeldLock> decide(Optional<String> stored, String holder, String id, Instant deadline) {
    Instant now = clock.instant();
    if (stored.isEmpty()) {
      return create(holder, id, deadline);
    }
    Optional<Lease> lease = Lease.parse(stored.get());
    if (lease.isPresent() && !lease.get().expiredAt(now)) {
      if (lease.get().id().equals(id)) {
        return Future.succeededFuture(hold(lease.get()));
      }
      if (!now.isBefore(deadline)) {
        return Future.failedFuture(new LockHeldException(lease.get()));
      }
      Duration pause = min(settings.retryEvery(), Duration.between(now, deadline));
      return delay(pause).compose(v -> attempt(holder, id, deadline));
    }
    // A lapsed lease (or a value that is no lease) belongs to a run that died.
    return unavailableOnFailure(store.delete()).compose(v -> create(holder, id, deadline));
  }

  private Future<HeldLock> create(String holder, String id, Instant deadline) {
    Instant now = clock.instant();
    Lease mine = new Lease(holder, id, now, now.plus(settings.lease()));
    return store
        .create(mine.toJson())
        .transform(
            created ->
                // Whether the create worked or lost a race, the re-read decides.
                unavailableOnFailure(store.read())
                    .compose(
                        stored -> {
                          if (stored.isEmpty()) {
                            return Future.failedFuture(
                                new LockUnavailableException(
                                    store.where(),
                                    created.failed()
                                        ? created.cause()
                                        : new IllegalStateException("the lease did not stay")));
                          }
                          return decide(stored, holder, id, deadline);
                        }));
  }

  private HeldLock hold(Lease lease) {
    return new HeldLock(vertx, store, settings, clock, lease);
  }

  private Future<Void> delay(Duration d) {
    Promise<Void> p = Promise.promise();
    vertx.setTimer(Math.max(1, d.toMillis()), t -> p.complete());
    return p.future();
  }

  private <T> Future<T> unavailableOnFailure(Future<T> f) {
    return f.recover(e -> Future.failedFuture(new LockUnavailableException(store.where(), e)));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
