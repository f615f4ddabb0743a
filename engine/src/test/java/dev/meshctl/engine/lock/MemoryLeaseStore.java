package dev.meshctl.engine.lock;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Claims in memory, each call atomic, as a controller's custom variables. */
final class MemoryLeaseStore implements LeaseStore {
  private final Map<String, String> values = new TreeMap<>();
  volatile boolean down;
  /** The next create is stored but answers a failure, as a 502 after the write landed. */
  volatile boolean failAfterNextCreate;

  @Override
  public synchronized Future<List<Claim>> claims() {
    if (down) {
      return Future.failedFuture("connection refused");
    }
    return Future.succeededFuture(values.entrySet().stream()
        .flatMap(e -> Claim.fromListing(e.getKey(), e.getValue()).stream())
        .toList());
  }

  @Override
  public synchronized Future<Void> create(String name, String value) {
    if (down) {
      return Future.failedFuture("connection refused");
    }
    values.put(name, value);
    if (failAfterNextCreate) {
      failAfterNextCreate = false;
      return Future.failedFuture("502 Bad Gateway");
    }
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<Void> delete(Claim claim) {
    if (down) {
      return Future.failedFuture("connection refused");
    }
    values.remove(claim.name());
    return Future.succeededFuture();
  }

  @Override
  public String where() {
    return "root controller \"ctl1\"";
  }

  synchronized void put(String name, String value) {
    values.put(name, value);
  }

  synchronized Map<String, String> values() {
    return new TreeMap<>(values);
  }

  /** The one lease stored, or null if none. */
  synchronized Lease only() {
    if (values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw new AssertionError("more than one claim: " + values);
    }
    return Lease.parse(values.values().iterator().next()).orElseThrow();
  }
}
