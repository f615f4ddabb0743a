package dev.meshctl.engine.apply;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * CPU time per group of live threads, from the JVM's per-thread accounting: e.g. meshctl's
 * threads apart from the simulated controllers' when the two run on Vert.x instances whose
 * threads are named apart. Threads that ended between two snapshots are not counted.
 */
final class ThreadCpu {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ThreadCpu() {}

  /** Per thread ID, its CPU nanoseconds so far and its group. */
  record Snapshot(Map<Long, Long> cpu, Map<Long, String> group) {
    /** CPU nanoseconds per group between {@code before} and this snapshot. */
    Map<String, Long> since(Snapshot before) {
      Map<String, Long> out = new HashMap<>();
      cpu.forEach((id, nanos) -> out.merge(group.get(id), nanos - before.cpu.getOrDefault(id, 0L), Long::sum));
      return out;
    }
  }

  static Snapshot snapshot(Function<String, String> groupOfName) {
    Map<Long, Long> cpu = new HashMap<>();
    Map<Long, String> group = new HashMap<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      long nanos = THREADS.getThreadCpuTime(t.getId());
      if (nanos >= 0) {
        cpu.put(t.getId(), nanos);
        group.put(t.getId(), groupOfName.apply(t.getName()));
      }
    }
    return new Snapshot(cpu, group);
  }
}
