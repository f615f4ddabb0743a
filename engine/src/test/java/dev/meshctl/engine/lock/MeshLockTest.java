package dev.meshctl.engine.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MeshLockTest {
  private final Vertx vertx = Vertx.vertx();
  private final MemoryLeaseStore store = new MemoryLeaseStore();
  private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T10:00:00Z"));
  private final LockSettings settings =
      new LockSettings(Duration.ofSeconds(60), Duration.ofMillis(50), Duration.ofMillis(20));
  private final MeshLock lock = new MeshLock(vertx, store, settings, clock);

  @AfterEach
  void close() {
    vertx.close();
  }

  @Test
  void takesAFreeLockAndReleasesIt() throws Exception {
    HeldLock held = await(lock.acquire("alice@a:1", Duration.ZERO));
    Lease stored = store.only();
    assertEquals("alice@a:1", stored.holder());
    assertEquals(Instant.parse("2026-01-01T10:01:00Z"), stored.expiresAt());
    assertTrue(store.values().keySet().iterator().next().startsWith("meshctl_lock_" + stored.id() + "_"));
    await(held.release());
    assertNull(store.only());
  }

  @Test
  void refusesAtOnceWhileAnotherRunHoldsItAndLeavesNoClaimBehind() throws Exception {
    await(lock.acquire("alice@a:1", Duration.ZERO));
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> await(lock.acquire("bob@b:2", Duration.ZERO)));
    assertTrue(e.getCause() instanceof LockHeldException, e.getCause().toString());
    assertEquals(
        "mesh is locked by alice@a:1 since 2026-01-01T10:00:00Z (expires 2026-01-01T10:01:00Z);"
            + " wait, or run 'meshctl apply --break-lock' if that run is dead",
        e.getCause().getMessage());
    assertEquals("alice@a:1", store.only().holder());
  }

  @Test
  void waitsForTheOtherRunToRelease() throws Exception {
    HeldLock first = await(lock.acquire("alice@a:1", Duration.ZERO));
    Future<HeldLock> second = lock.acquire("bob@b:2", Duration.ofSeconds(30));
    Thread.sleep(100);
    assertFalse(second.isComplete());
    await(first.release());
    assertEquals("bob@b:2", await(second).lease().holder());
  }

  @Test
  void ignoresALapsedLeaseAndTidiesItAway() throws Exception {
    store.put("meshctl_lock_old_1", new Lease("dead@x:9", "old", clock.instant(), clock.instant().plusSeconds(60)).toJson());
    clock.now = clock.now.plusSeconds(61);
    HeldLock held = await(lock.acquire("bob@b:2", Duration.ZERO));
    assertEquals("bob@b:2", held.lease().holder());
    waitFor(() -> store.values().size() == 1);
    assertEquals("bob@b:2", store.only().holder());
  }

  @Test
  void anOlderMeshctlsSingleLeaseStillCounts() throws Exception {
    store.put("custom_meshctl_lock", new Lease("old@x:9", "old", clock.instant(), clock.instant().plusSeconds(60)).toJson());
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> await(lock.acquire("bob@b:2", Duration.ZERO)));
    assertTrue(e.getCause().getMessage().startsWith("mesh is locked by old@x:9 since"), e.getCause().getMessage());
  }

  @Test
  void anUnreadableValueHoldsTheLockUntilClearedAndSaysHow() throws Exception {
    store.put("meshctl_lock_x", "not a lease");
    clock.now = clock.now.plusSeconds(3600);
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> await(lock.acquire("bob@b:2", Duration.ZERO)));
    assertEquals(
        "mesh is locked by an unreadable value in custom variable meshctl_lock_x (not a lease meshctl wrote)"
            + " on root controller \"ctl1\"; if no apply is running, clear it with 'meshctl unlock --force'"
            + " or 'meshctl apply --break-lock'",
        e.getCause().getMessage());
    assertEquals(1, await(lock.breakLock()).size());
    await(lock.acquire("bob@b:2", Duration.ZERO));
  }

  @Test
  void aLeaseClaimingToRunForeverIsCappedAtTheLongestLease() throws Exception {
    store.put("meshctl_lock_y_1", new Lease("odd@x:9", "y", clock.instant(), Instant.parse("9999-12-31T00:00:00Z")).toJson());
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> await(lock.acquire("bob@b:2", Duration.ZERO)));
    assertEquals(
        "mesh is locked by odd@x:9 since 2026-01-01T10:00:00Z (its lease claims to run until 9999-12-31T00:00:00Z,"
            + " longer than any live run writes; treated as expiring 2026-01-01T10:01:00Z);"
            + " wait, or run 'meshctl apply --break-lock' if that run is dead",
        e.getCause().getMessage());
    clock.now = clock.now.plusSeconds(61);
    assertEquals("bob@b:2", await(lock.acquire("bob@b:2", Duration.ZERO)).lease().holder());
  }

  @Test
  void breakingTheLockDeletesItAndTheHolderFindsOutBeforeItsNextAction() throws Exception {
    HeldLock held = await(lock.acquire("alice@a:1", Duration.ZERO));
    assertEquals("alice@a:1", await(lock.breakLock()).get(0).lease().orElseThrow().holder());
    assertNull(store.only());
    await(new MeshLock(vertx, store, settings, clock).acquire("bob@b:2", Duration.ZERO));
    clock.now = clock.now.plusSeconds(1);
    ExecutionException e = assertThrows(ExecutionException.class, () -> await(held.confirm()));
    assertTrue(e.getCause().getMessage().startsWith("the apply lock on root controller \"ctl1\" was broken by another run"),
        e.getCause().getMessage());
    assertTrue(held.lost().failed());
  }

  @Test
  void renewsTheLeaseWhileHeldUnderANewName() throws Exception {
    HeldLock held = await(lock.acquire("alice@a:1", Duration.ZERO));
    String first = store.values().keySet().iterator().next();
    clock.now = clock.now.plusSeconds(30);
    waitFor(() -> store.values().size() == 1 && !store.values().containsKey(first));
    assertEquals(Instant.parse("2026-01-01T10:01:30Z"), store.only().expiresAt());
    await(held.confirm());
    await(held.release());
    assertNull(store.only());
  }

  @Test
  void aHolderWhoseRenewalsFailStopsOnceItsLeaseLapses() throws Exception {
    HeldLock held = await(lock.acquire("alice@a:1", Duration.ZERO));
    store.down = true;
    clock.now = clock.now.plusSeconds(61);
    ExecutionException e = assertThrows(ExecutionException.class, () -> await(held.confirm()));
    assertTrue(e.getCause().getMessage().contains("lapsed"), e.getCause().getMessage());
  }

  @Test
  void aCreateThatLandedButAnsweredAnErrorStillTakesTheLock() throws Exception {
    store.failAfterNextCreate = true;
    assertEquals("alice@a:1", await(lock.acquire("alice@a:1", Duration.ZERO)).lease().holder());
  }

  @Test
  void anUnreachableRootIsSaidPlainlyWithoutAdvisingToTurnTheLockOff() {
    store.down = true;
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> await(lock.acquire("alice@a:1", Duration.ZERO)));
    assertTrue(e.getCause() instanceof LockUnavailableException);
    assertTrue(
        e.getCause().getMessage().startsWith("cannot take the apply lock on root controller \"ctl1\": connection refused"),
        e.getCause().getMessage());
    assertFalse(e.getCause().getMessage().contains("--lock=false"));
  }

  private static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("not reached in 5 s");
      }
      Thread.sleep(10);
    }
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private static final class MovableClock extends Clock {
    volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
