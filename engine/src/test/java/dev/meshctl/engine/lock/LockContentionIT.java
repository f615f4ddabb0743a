package dev.meshctl.engine.lock;

import static dev.meshctl.engine.testing.SimulatedMeshes.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.engine.client.Vns3Client;
import dev.meshctl.engine.client.Vns3Clients;
import dev.meshctl.engine.testing.SimulatedMeshes;
import dev.meshctl.simulator.SimTimings;
import dev.meshctl.simulator.Simulator;
import dev.meshctl.simulator.VariableReading;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mutual exclusion of the apply lock, randomized: two to four runs contend for the lock on a
 * simulated root, again and again, each call delayed at random and some failing before or after
 * they take effect, under every reading of custom variables the evidence allows. No two runs may
 * ever hold it at once. The same harness finds two holders at once with naive locks, so it can
 * fail. {@code -Dlock.seeds=N} sets the seeds per reading (default 15).
 */
class LockContentionIT {
  private static final int SEEDS = Integer.getInteger("lock.seeds", 15);
  /** Short enough that a claim leaked by a failed delete does not stall a seed for long. */
  private static final LockSettings SETTINGS =
      new LockSettings(Duration.ofMillis(1500), Duration.ofMillis(60), Duration.ofMillis(15));

  private static Vertx vertx;
  private static Simulator sim;
  private static Vns3Client root;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    sim = await(Simulator.start(vertx, SimulatedMeshes.config(1, SimTimings.FAST, "pw-lock-1")));
    root = Vns3Clients.create(
        vertx,
        SimulatedMeshes.controllerSpec(sim.controller("ctl1"), 1, false, Duration.ofSeconds(2), Duration.ofSeconds(2)),
        SimulatedMeshes.simulatedClients(3, Duration.ofMillis(50), 7));
  }

  @AfterAll
  static void stop() throws Exception {
    await(sim.close());
    await(vertx.close());
  }

  /** One way to take the lock: enters, and answers how to leave. */
  interface Contender {
    Future<Supplier<Future<Void>>> enter(String holder);
  }

  @Test
  void noTwoRunsEverHoldTheLockUnderAnyReading() throws Exception {
    List<String> failures = new ArrayList<>();
    int held = 0;
    for (VariableReading reading : readings()) {
      sim.variableReading(reading);
      for (long seed = 1; seed <= SEEDS; seed++) {
        Result r = contend(seed, store -> holder -> new MeshLock(vertx, store, SETTINGS, Clock.systemUTC(), new Random(holder.hashCode()))
            .acquire(holder, Duration.ofMillis(400))
            .map(h -> () -> h.confirm().transform(v -> h.release())));
        held += r.entries;
        if (r.violations > 0) {
          failures.add(reading + " seed " + seed + ": " + r.violations + " times two holders");
        }
      }
    }
    assertEquals(List.of(), failures);
    assertTrue(held > SEEDS, "the lock was taken at all: " + held + " times");
  }

  @Test
  void theHarnessFindsTwoHoldersWithALockThatDoesNotReadAfterItsWrite() throws Exception {
    assertTrue(violationsOf(store -> holder -> naive(store, holder, false)) > 0,
        "a check-then-write lock must be caught");
  }

  @Test
  void theHarnessFindsTwoHoldersWithALockWhereTheEarliestClaimWins() throws Exception {
    // Write, read, proceed if ours is the earliest live claim: a slow write of an earlier claim
    // lets a later claimant proceed alone, then the earlier one proceeds too.
    assertTrue(violationsOf(store -> holder -> naive(store, holder, true)) > 0,
        "an earliest-claim-wins lock must be caught");
  }

  private long violationsOf(java.util.function.Function<LeaseStore, Contender> lock) throws Exception {
    sim.variableReading(VariableReading.parse("unlicensed=answer"));
    long violations = 0;
    // Unsafe locks are caught within a few seeds; stop at the first.
    for (long seed = 1; seed <= 20L * SEEDS && violations == 0; seed++) {
      violations += contend(seed, lock).violations;
      if (violations > 0) {
        System.out.println("LockContentionIT: unsafe lock caught at seed " + seed);
      }
    }
    return violations;
  }

  /** The readings that differ once a root is licensed (before it, nobody can take the lock). */
  private static List<VariableReading> readings() {
    return VariableReading.all().stream().filter(r -> r.unlicensed() == VariableReading.Unlicensed.ANSWER).toList();
  }

  record Result(int entries, int violations) {}

  private Result contend(long seed, java.util.function.Function<LeaseStore, Contender> lock) throws Exception {
    clear();
    Random random = new Random(seed);
    int runs = 2 + random.nextInt(3);
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger entries = new AtomicInteger();
    AtomicInteger violations = new AtomicInteger();
    List<Future<Void>> all = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      LeaseStore store = new JitteryStore(vertx, new VariableLeaseStore(root), seed * 31 + i, 12, 0.04, 0.08);
      Contender c = lock.apply(store);
      Random own = new Random(seed * 7919 + i);
      all.add(rounds(c, "run" + i + "@host:" + seed, 3, own, inside, entries, violations));
    }
    await(Future.join(all));
    return new Result(entries.get(), violations.get());
  }

  private Future<Void> rounds(Contender c, String holder, int left, Random random, AtomicInteger inside,
      AtomicInteger entries, AtomicInteger violations) {
    if (left == 0) {
      return Future.succeededFuture();
    }
    long hold = 1 + random.nextInt(60);
    long pause = 1 + random.nextInt(20);
    return c.enter(holder)
        .compose(
            leave -> {
              entries.incrementAndGet();
              if (inside.incrementAndGet() > 1) {
                violations.incrementAndGet();
              }
              return delay(hold).compose(v -> {
                inside.decrementAndGet();
                return leave.get();
              });
            })
        .transform(ignored -> delay(pause))
        .compose(v -> rounds(c, holder, left - 1, random, inside, entries, violations));
  }

  /** A lock that is not safe: check then write, or write then trust the earliest claim. */
  private Future<Supplier<Future<Void>>> naive(LeaseStore store, String holder, boolean earliestWins) {
    String id = UUID.randomUUID().toString().replace("-", "");
    Instant now = Instant.now();
    String value = new Lease(holder, id, now, now.plusSeconds(2)).toJson();
    String name = Claim.name(id, 1);
    Claim mine = new Claim(name, name, value);
    Supplier<Future<Void>> leave = () -> store.delete(mine);
    if (earliestWins) {
      return store.create(name, value)
          .compose(v -> store.claims())
          .compose(claims -> {
            boolean first = claims.stream().flatMap(c -> c.lease().stream())
                .allMatch(l -> l.id().equals(id) || l.acquiredAt().isAfter(now)
                    || (l.acquiredAt().equals(now) && l.id().compareTo(id) > 0));
            return first
                ? Future.succeededFuture(leave)
                : store.delete(mine).transform(x -> Future.failedFuture("held"));
          });
    }
    return store.claims().compose(claims -> claims.isEmpty()
        ? store.create(name, value).map(v -> leave)
        : Future.failedFuture("held"));
  }

  private void clear() throws Exception {
    VariableLeaseStore store = new VariableLeaseStore(root);
    for (Claim c : await(store.claims())) {
      await(store.delete(c));
    }
  }

  private static Future<Void> delay(long ms) {
    Promise<Void> p = Promise.promise();
    vertx.setTimer(ms, t -> p.complete());
    return p.future();
  }
}
