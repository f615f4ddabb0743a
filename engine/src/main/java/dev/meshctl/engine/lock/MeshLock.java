package dev.meshctl.engine.lock;

import dev.meshctl.engine.client.Vns3Error;
import dev.meshctl.engine.client.Vns3Exception;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The apply lock of one mesh, kept on the root controller so that it holds across machines, built
 * only on what the VNS3 document gives custom variables: create, list, delete. No compare-and-set,
 * and no promise about a second create of a name (refused or overwritten), nor about the name a
 * variable is listed by (with or without {@code custom_}).
 *
 * <p>The rule (docs/reliability.md argues it): a run writes a claim under a name no other run
 * uses, then lists the claims; it proceeds only if that list, read after its own write completed,
 * shows its claim and no other live claim. Of two runs that both proceed, the one whose list came
 * first did not see the other's claim, so the other's write completed after that list, hence
 * after the first's own write; the other's list came later still and shows the first's claim,
 * which stays until released: a contradiction. A run that sees others withdraws its claim and
 * tries again after a jittered pause, except the one with the earliest claim, which keeps it for
 * a few short settle reads so that contenders do not all withdraw forever.
 *
 * <p>A lease that lapses unrenewed (its run died) is ignored and, once the lock is held, deleted.
 * A lease that claims to run longer than {@link LockSettings#lease()} from when this run first saw
 * it is treated as expiring then; a value that is not a lease stands until cleared. Each step waits
 * on timers, never a thread.
 */
public final class MeshLock {
  /** Settle reads the earliest contender makes before it, too, withdraws. */
  static final int SETTLE_ROUNDS = 3;

  private final Vertx vertx;
  private final LeaseStore store;
  private final LockSettings settings;
  private final Clock clock;
  private final Random random;
  /** When this run first saw each claim (by listed name and value), to cap leases that run on. */
  private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();

  public MeshLock(Vertx vertx, LeaseStore store, LockSettings settings, Clock clock) {
    this(vertx, store, settings, clock, new Random());
  }

  /** With the source of the retry jitter, seeded in tests. */
  public MeshLock(Vertx vertx, LeaseStore store, LockSettings settings, Clock clock, Random random) {
    this.vertx = vertx;
    this.store = store;
    this.settings = settings;
    this.clock = clock;
    this.random = random;
  }

  /**
   * Takes the lock.
   *
   * @param holder who we are, {@code user@host:pid}
   * @param waitUpTo how long to wait for another run's live lease; zero refuses at once
   * @return the held lock, renewed until released; fails with {@link LockHeldException}, {@link
   *     RootUnlicensedException} or {@link LockUnavailableException}
   */
  public Future<HeldLock> acquire(String holder, Duration waitUpTo) {
    return acquire(holder, waitUpTo, others -> {});
  }

  /**
   * Takes the lock as {@link #acquire(String, Duration)}, telling {@code waiting} each time it
   * finds another run's live claim and waits (every {@link LockSettings#retryEvery()} or so): the
   * live claims, earliest first, so a waiting user can be told who holds the lock.
   */
  public Future<HeldLock> acquire(String holder, Duration waitUpTo, Consumer<List<Holding>> waiting) {
    return acquire(holder, waitUpTo, waiting, Promise.<Void>promise().future());
  }

  /**
   * As {@link #acquire(String, Duration, Consumer)}; completing {@code stop} ends a wait for
   * another run's lease at once, failing with a {@link CancellationException} (the user
   * interrupted).
   */
  public Future<HeldLock> acquire(
      String holder, Duration waitUpTo, Consumer<List<Holding>> waiting, Future<Void> stop) {
    Attempt a =
        new Attempt(
            holder, UUID.randomUUID().toString().replace("-", ""), clock.instant().plus(waitUpTo), waiting, stop);
    // The first try writes at once: on a free mesh, a write and a read take the lock.
    return claim(a);
  }

  /** Every claim stored now, judged; the live ones first, earliest first. */
  public Future<List<Holding>> current() {
    return list().map(claims -> judge(claims));
  }

  /** Deletes every claim, live or not, and answers what was there. */
  public Future<List<Holding>> breakLock() {
    return current()
        .compose(was -> Future.all(was.stream().map(h -> unavailableOnFailure(store.delete(h.claim()))).toList()).map(was));
  }

  /** Where the lock lives, for messages. */
  public String where() {
    return store.where();
  }

  private Future<HeldLock> attempt(Attempt a) {
    return list().compose(claims -> {
      List<Holding> others = live(claims).stream().filter(h -> !h.of(a.runId)).toList();
      return others.isEmpty() ? claim(a) : waitOrRefuse(a, others);
    });
  }

  private Future<HeldLock> claim(Attempt a) {
    Instant now = clock.instant();
    Lease mine = new Lease(a.holder, a.runId, now, now.plus(settings.lease()));
    String name = Claim.name(a.runId, a.next.getAndIncrement());
    String value = mine.toJson();
    return store.create(name, value).transform(created -> list().compose(claims -> {
      Optional<Claim> own = claims.stream().filter(c -> c.name().equals(name) && c.value().equals(value)).findFirst();
      if (own.isEmpty()) {
        // A failed create that did not land (a create that landed but answered an error, e.g. a
        // repeated POST refused as existing, is found by the list and counts).
        return Future.failedFuture(new LockUnavailableException(store.where(),
            created.failed() ? created.cause() : new IllegalStateException("the claim " + name + " was not stored")));
      }
      return settle(a, own.get(), mine, claims, 0);
    }));
  }

  /** Decides on a list read after our claim was stored. */
  private Future<HeldLock> settle(Attempt a, Claim own, Lease mine, List<Claim> claims, int round) {
    List<Holding> live = live(claims);
    List<Holding> others = live.stream().filter(h -> !h.of(a.runId)).toList();
    if (others.isEmpty()) {
      // Lapsed claims of dead runs are tidied away; a failure to do so changes nothing.
      judge(claims).stream().filter(h -> !h.liveAt(clock.instant()) && !h.of(a.runId)).forEach(h -> store.delete(h.claim()));
      return Future.succeededFuture(new HeldLock(vertx, store, settings, clock, own, mine, a.next));
    }
    boolean earliest = others.stream().allMatch(h -> h.readable() && before(mine, own, h));
    if (earliest && round < SETTLE_ROUNDS) {
      return delay(jittered(settings.retryEvery().dividedBy(2)))
          .compose(v -> list())
          .compose(again -> again.stream().anyMatch(c -> c.name().equals(own.name()))
              ? settle(a, own, mine, again, round + 1)
              : waitOrRefuse(a, others));
    }
    return unavailableOnFailure(store.delete(own)).compose(v -> waitOrRefuse(a, others));
  }

  private Future<HeldLock> waitOrRefuse(Attempt a, List<Holding> others) {
    Instant now = clock.instant();
    if (!now.isBefore(a.deadline)) {
      return Future.failedFuture(new LockHeldException(others.get(0), store.where()));
    }
    Duration pause = min(jittered(settings.retryEvery()), Duration.between(now, a.deadline));
    a.waiting.accept(others);
    Promise<Void> waited = Promise.promise();
    delay(pause).onComplete(waited);
    a.stop.onComplete(v -> waited.tryFail(new CancellationException("interrupted while waiting for the apply lock")));
    return waited.future().compose(v -> attempt(a));
  }

  private Future<List<Claim>> list() {
    return unavailableOnFailure(store.claims());
  }

  /** Every claim judged now, live ones first and the earliest of those first. */
  private List<Holding> judge(List<Claim> claims) {
    Instant now = clock.instant();
    return claims.stream()
        .map(c -> Holding.judge(c, firstSeen.computeIfAbsent(c.listedAs() + "=" + c.value(), k -> now), settings.lease()))
        .sorted(Comparator.comparing((Holding h) -> !h.liveAt(now))
            .thenComparing(h -> h.lease().map(Lease::acquiredAt).orElse(Instant.MIN))
            .thenComparing(h -> h.claim().name()))
        .toList();
  }

  private List<Holding> live(List<Claim> claims) {
    Instant now = clock.instant();
    return judge(claims).stream().filter(h -> h.liveAt(now)).toList();
  }

  /** The order among contenders: earliest lease, then name. */
  private static boolean before(Lease mine, Claim own, Holding other) {
    Lease theirs = other.lease().orElseThrow();
    int c = mine.acquiredAt().compareTo(theirs.acquiredAt());
    return c < 0 || (c == 0 && own.name().compareTo(other.claim().name()) < 0);
  }

  /** Half to one and a half times {@code d}, so contenders do not retry in step. */
  private Duration jittered(Duration d) {
    return Duration.ofMillis(Math.max(1, Math.round(d.toMillis() * (0.5 + random.nextDouble()))));
  }

  private Future<Void> delay(Duration d) {
    return vertx.timer(Math.max(1, d.toMillis()), java.util.concurrent.TimeUnit.MILLISECONDS).mapEmpty();
  }

  private <T> Future<T> unavailableOnFailure(Future<T> f) {
    return f.recover(e -> Future.failedFuture(unavailable(store.where(), e)));
  }

  /** A 403 from the root means it is not licensed yet; anything else means it did not answer. */
  static LockUnavailableException unavailable(String where, Throwable e) {
    if (e instanceof LockUnavailableException u) {
      return u;
    }
    boolean forbidden = Vns3Exception.errorOf(e).filter(Vns3Error.Forbidden.class::isInstance).isPresent();
    return forbidden ? new RootUnlicensedException(where, e) : new LockUnavailableException(where, e);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** One acquisition: who, its run id, and how long it may wait. */
  private static final class Attempt {
    final String holder;
    final String runId;
    final Instant deadline;
    final AtomicLong next = new AtomicLong(1);
    final Consumer<List<Holding>> waiting;

    final Future<Void> stop;

    Attempt(String holder, String runId, Instant deadline, Consumer<List<Holding>> waiting, Future<Void> stop) {
      this.holder = holder;
      this.runId = runId;
      this.deadline = deadline;
      this.waiting = waiting;
      this.stop = stop;
    }
  }
}
