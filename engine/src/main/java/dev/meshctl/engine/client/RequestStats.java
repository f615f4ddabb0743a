package dev.meshctl.engine.client;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How many requests one client sent to its controller: reads ({@code GET}) and writes (everything
 * else), each attempt of a retried call and each poll of a wait counted. Safe to update from any
 * event loop.
 */
public final class RequestStats {
  private final AtomicLong reads = new AtomicLong();
  private final AtomicLong writes = new AtomicLong();

  /** A snapshot of the counters. */
  public record Counts(long reads, long writes) {
    public static final Counts ZERO = new Counts(0, 0);

    public long total() {
      return reads + writes;
    }

    public Counts plus(Counts other) {
      return new Counts(reads + other.reads, writes + other.writes);
    }

    public Counts minus(Counts other) {
      return new Counts(reads - other.reads, writes - other.writes);
    }
  }

  void countRead() {
    reads.incrementAndGet();
  }

  void countWrite() {
    writes.incrementAndGet();
  }

  public Counts snapshot() {
    return new Counts(reads.get(), writes.get());
  }
}
