package dev.meshctl.engine.reconcile;

import io.vertx.core.Future;

/** Where each tick gets its spec from. */
public interface SpecSource {
  /** The spec for this tick; never fails while a good spec was ever loaded. */
  Future<SpecUpdate> poll();
}
