package dev.meshctl.engine.lock;

import io.vertx.core.Future;
import java.util.Optional;

/** A lease store in memory with the same atomic create as a controller's variables. */
final class MemoryLeaseStore implements LeaseStore {
  private volatile String value;
  volatile boolean down;

  @Override
  public synchronized Future<Optional<String>> read() {
    return down ? Future.failedFuture("connection refused") : Future.succeededFuture(Optional.ofNullable(value));
  }

  @Override
  public synchronized Future<Void> create(String v) {
    if (down) {
      return Future.failedFuture("connection refused");
    }
    if (value != null) {
      return Future.failedFuture("400 variable exists");
    }
    value = v;
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<Void> replace(String v) {
    value = v;
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<Void> delete() {
    value = null;
    return Future.succeededFuture();
  }

  @Override
  public String where() {
    return "root controller \"ctl1\"";
  }

  String value() {
    return value;
  }
}
