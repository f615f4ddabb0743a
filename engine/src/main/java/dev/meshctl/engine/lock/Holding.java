package dev.meshctl.engine.lock;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A claim as one run judges it: whose it is and until when it stands.
 *
 * @param claim the claim as listed
 * @param lease the lease it holds; empty when unreadable, and then it stands until cleared
 * @param expires when it lapses: the lease's own expiry, capped at the first time this run saw it
 *     plus the longest lease ({@link LockSettings#lease()}), since no live run writes a lease that
 *     runs longer
 * @param capped whether the lease claimed to run longer than that cap
 */
public record Holding(Claim claim, Optional<Lease> lease, Instant expires, boolean capped) {

  /** Judges {@code claim}, first seen by this run at {@code firstSeen}. */
  static Holding judge(Claim claim, Instant firstSeen, Duration longest) {
    Optional<Lease> lease = claim.lease();
    if (lease.isEmpty()) {
      return new Holding(claim, lease, Instant.MAX, false);
    }
    Instant cap = firstSeen.plus(longest);
    Instant claimed = lease.get().expiresAt();
    return claimed.isAfter(cap) ? new Holding(claim, lease, cap, true) : new Holding(claim, lease, claimed, false);
  }

  public boolean readable() {
    return lease.isPresent();
  }

  public boolean liveAt(Instant now) {
    return now.isBefore(expires);
  }

  /** Whether it is a claim of the run {@code runId}. */
  boolean of(String runId) {
    return lease.map(l -> l.id().equals(runId)).orElse(false);
  }

  /**
   * {@code alice@build-3:4242 since 2026-01-01T10:00:00Z (expires 2026-01-01T10:01:00Z)}, or what
   * is wrong with it.
   */
  public String describe() {
    if (lease.isEmpty()) {
      return "an unreadable value in custom variable " + claim.listedAs() + " (not a lease meshctl wrote)";
    }
    Lease l = lease.get();
    if (capped) {
      return l.holder() + " since " + l.acquiredAt() + " (its lease claims to run until " + l.expiresAt()
          + ", longer than any live run writes; treated as expiring " + expires + ")";
    }
    return l.describe();
  }
}
