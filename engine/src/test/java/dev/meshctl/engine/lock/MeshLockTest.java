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
    Lease stored = Lease.parse(store.value()).orElseThrow();
    assertEquals("alice@a:1", stored.holder());
    assertEquals(Instant.parse("2026-01-01T10:01:00Z"), stored.expiresAt());
    await(held.release());
    assertNull(store.value());
  }

  @Test
  void refusesAtOnceWhileAnotherRunHoldsIt() throws Exception {
    await(lock.acquire("alice@a:1", Duration.ZERO));
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> await(lock.acquire("bob@b:2", Duration.ZERO)));
    assertTrue(e.getCause() instanceof LockHeldException, e.getCause().toString());
    assertEquals(
        "mesh is locked by alice@a:1 since 2026-01-01T10:00:00Z (expires 2026-01-01T10:01:00Z);"
            + " wait, or run 'meshctl apply --break-lock' if that run is dead",
        e.getCause().getMessage());
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
  void takesOverALapsedLease() throws Exception {
    store.create(new Lease("dead@x:9", "old", clock.instant(), clock.instant().plusSeconds(60)).toJson());
    clock.now = clock.now.plusSeconds(61);
    HeldLock held = await(lock.acquire("bob@b:2", Duration.ZERO));
    assertEquals("bob@b:2", Lease.parse(store.value()).orElseThrow().holder());
    assertEquals("bob@b:2", held.lease().holder());
  }

  @Test
  void breakingTheLockDeletesItAndTheHolderFindsOut() throws Exception {
    HeldLock held = await(lock.acquire("alice@a:1", Duration.ZERO));
    assertEquals("alice@a:1", await(lock.breakLock()).orElseThrow().holder());
    assertNull(store.value());
    ExecutionException e = assertThrows(ExecutionException.class, () -> await(held.lost()));
    assertTrue(e.getCause().getMessage().contains("broken or taken over"));
  }

  @Test
  void renewsTheLeaseWhileHeld() throws Exception {
    HeldLock held = await(lock.acquire("alice@a:1", Duration.ZERO));
    clock.now = clock.now.plusSeconds(30);
    Thread.sleep(200);
    assertEquals(
        Instant.parse("2026-01-01T10:01:30Z"), Lease.parse(store.value()).orElseThrow().expiresAt());
    await(held.release());
  }

  @Test
  void anUnreachableRootIsSaidPlainly() {
    store.down = true;
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> await(lock.acquire("alice@a:1", Duration.ZERO)));
    assertTrue(e.getCause() instanceof LockUnavailableException);
    assertTrue(
        e.getCause().getMessage().startsWith("cannot take the apply lock on root controller \"ctl1\": connection refused"),
        e.getCause().getMessage());
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
