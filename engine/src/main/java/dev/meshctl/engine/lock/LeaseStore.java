package dev.meshctl.engine.lock;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * Where the lease lives: one named value on the root controller (a VNS3 custom system variable).
 * Creating is the one atomic step: it fails when the value already exists.
 */
public interface LeaseStore {
  /** The stored value, or empty if there is none. */
  Future<Optional<String>> read();

  /** Stores a value that must not exist yet; fails (e.g. 400) if one does. */
  Future<Void> create(String value);

  /** Replaces the existing value. */
  Future<Void> replace(String value);

  /** Removes the value; succeeds if there was none. */
  Future<Void> delete();

  /** Where the store is, for messages, e.g. {@code root controller "ctl1"}. */
  String where();
}
