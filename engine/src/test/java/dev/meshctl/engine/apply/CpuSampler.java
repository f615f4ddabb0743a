package dev.meshctl.engine.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Samples a CPU counter every few milliseconds on a daemon thread, so the CPU used between two
 * instants known only afterwards (e.g. the end of the last keyset download) can be read back.
 */
final class CpuSampler {
  private static final long PERIOD_MILLIS = 5;

  private final LongSupplier cpuNanos;
  private final List<long[]> samples = new ArrayList<>(); // {System.nanoTime(), cpu nanos}
  private final Thread thread;
  private volatile boolean running = true;

  private CpuSampler(LongSupplier cpuNanos) {
    this.cpuNanos = cpuNanos;
    this.thread = new Thread(this::loop, "cpu-sampler");
    thread.setDaemon(true);
  }

  static CpuSampler start(LongSupplier cpuNanos) {
    CpuSampler s = new CpuSampler(cpuNanos);
    s.sample();
    s.thread.start();
    return s;
  }

  private void loop() {
    while (running) {
      sample();
      try {
        Thread.sleep(PERIOD_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void sample() {
    long[] s = {System.nanoTime(), cpuNanos.getAsLong()};
    synchronized (samples) {
      samples.add(s);
    }
  }

  void stop() throws InterruptedException {
    running = false;
    thread.join();
    sample();
  }

  /** CPU nanoseconds between two {@link System#nanoTime()} instants, from the nearest samples. */
  long cpuBetween(long fromNanos, long toNanos) {
    return at(toNanos) - at(fromNanos);
  }

  private long at(long nanos) {
    synchronized (samples) {
      long[] best = samples.get(0);
      for (long[] s : samples) {
        if (Math.abs(s[0] - nanos) < Math.abs(best[0] - nanos)) {
          best = s;
        }
      }
      return best[1];
    }
  }
}
