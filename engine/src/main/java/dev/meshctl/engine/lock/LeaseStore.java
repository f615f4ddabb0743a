package dev.meshctl.engine.lock;

import io.vertx.core.Future;
import java.util.List;

/**
 * Where the claims on the apply lock live: named values on the root controller (VNS3 custom
 * system variables). Only create, list and delete are used, since only those are documented: no
 * compare-and-set, and nothing said about a second create of the same name. Every claim's name is
 * unique to one run, so whether a repeated create overwrites or is refused does not matter.
 */
public interface LeaseStore {
  /** Every claim stored now, in one read. */
  Future<List<Claim>> claims();

  /** Stores a claim under a name no other run uses. */
  Future<Void> create(String name, String value);

  /** Removes a claim; succeeds if it is gone already. */
  Future<Void> delete(Claim claim);

  /** Where the store is, for messages, e.g. {@code root controller "ctl1"}. */
  String where();
}
