package dev.meshctl.engine.lock;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * A lease store whose every call is delayed by a random time before it reaches the controller and
 * again before its answer is seen, and sometimes fails: before it was sent, or after it took effect
 * (a 502 from a proxy that did forward the request). Seeded, so a failing seed can be replayed.
 */
final class JitteryStore implements LeaseStore {
  private final Vertx vertx;
  private final LeaseStore inner;
  private final Random random;
  private final int maxDelayMs;
  private final double failBefore;
  private final double failAfter;

  JitteryStore(Vertx vertx, LeaseStore inner, long seed, int maxDelayMs, double failBefore, double failAfter) {
    this.vertx = vertx;
    this.inner = inner;
    this.random = new Random(seed);
    this.maxDelayMs = maxDelayMs;
    this.failBefore = failBefore;
    this.failAfter = failAfter;
  }

  @Override
  public Future<List<Claim>> claims() {
    return jitter(inner::claims);
  }

  @Override
  public Future<Void> create(String name, String value) {
    return jitter(() -> inner.create(name, value));
  }

  @Override
  public Future<Void> delete(Claim claim) {
    return jitter(() -> inner.delete(claim));
  }

  @Override
  public String where() {
    return inner.where();
  }

  private <T> Future<T> jitter(Supplier<Future<T>> call) {
    long before;
    long after;
    boolean lostBefore;
    boolean lostAfter;
    synchronized (random) {
      // Mostly short, sometimes ten times longer: a request stuck behind a slow proxy.
      before = 1 + random.nextInt(maxDelayMs) * (random.nextDouble() < 0.1 ? 2 + random.nextInt(10) : 1);
      after = 1 + random.nextInt(maxDelayMs) * (random.nextDouble() < 0.1 ? 2 + random.nextInt(10) : 1);
      lostBefore = random.nextDouble() < failBefore;
      lostAfter = random.nextDouble() < failAfter;
    }
    return delay(before)
        .compose(v -> lostBefore ? Future.<T>failedFuture("connection reset (injected, not sent)") : call.get())
        .compose(r -> delay(after).compose(v -> lostAfter ? Future.<T>failedFuture("502 Bad Gateway (injected, after it took effect)") : Future.succeededFuture(r)));
  }

  private Future<Void> delay(long ms) {
    Promise<Void> p = Promise.promise();
    vertx.setTimer(ms, t -> p.complete());
    return p.future();
  }
}
