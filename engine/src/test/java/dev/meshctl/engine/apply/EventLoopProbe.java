package dev.meshctl.engine.apply;

import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxThread;
import io.vertx.core.internal.VertxInternal;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Watches one Vert.x instance's event-loop threads and measures, for every task they run, the
 * time it kept its loop from anything else: CPU time spent in the task, plus time the thread sat
 * blocked or waiting (a lock, a sleep) inside it. Wall time is not the measure: on two shared,
 * busy cores a task that computes for 1 ms can stay on its loop for 80 ms while other processes
 * run, which says nothing about the code.
 *
 * <p>A sampler thread looks at each loop every 2 ms: Vert.x stamps a loop thread with the start
 * of the task it runs ({@link VertxThread#startTime()}, what its blocked-thread checker reads), so
 * a new stamp is a new task. The stack of the worst task is kept, to say where the time went.
 */
final class EventLoopProbe implements AutoCloseable {
  private static final long SAMPLE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

  private final List<VertxThread> loops;
  private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
  private final Thread sampler;
  private final Map<VertxThread, Task> current = new HashMap<>();
  private volatile boolean running = true;
  private volatile long worstNanos;
  private volatile String worstWhere = "";
  private volatile long tasksSeen;

  private EventLoopProbe(List<VertxThread> loops) {
    this.loops = loops;
    this.sampler = new Thread(this::sample, "event-loop-probe");
    sampler.setDaemon(true);
    sampler.setPriority(Thread.MAX_PRIORITY);
  }

  /** Starts watching every event loop of {@code vertx}. */
  static EventLoopProbe watch(Vertx vertx) throws Exception {
    List<VertxThread> loops = new ArrayList<>();
    for (EventExecutor loop : ((VertxInternal) vertx).nettyEventLoopGroup()) {
      loops.add((VertxThread) loop.submit(Thread::currentThread).get(10, TimeUnit.SECONDS));
    }
    EventLoopProbe probe = new EventLoopProbe(loops);
    probe.sampler.start();
    return probe;
  }

  /** The longest any one loop task held its loop (CPU plus blocked), so far. */
  Duration worst() {
    return Duration.ofNanos(worstNanos);
  }

  /** Where the worst task was when it was last sampled. */
  String worstWhere() {
    return worstWhere;
  }

  /** How many loop tasks the sampler saw: zero would mean it watched nothing. */
  long tasksSeen() {
    return tasksSeen;
  }

  private void sample() {
    while (running) {
      for (VertxThread t : loops) {
        long start = t.startTime();
        Task task = current.get(t);
        if (start == 0) {
          current.remove(t);
          continue;
        }
        if (task == null || task.start != start) {
          current.put(t, new Task(start, mx.getThreadCpuTime(t.getId())));
          tasksSeen++;
          continue;
        }
        Thread.State state = t.getState();
        if (state == Thread.State.BLOCKED || state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
          task.blockedNanos += SAMPLE_NANOS;
        }
        long held = mx.getThreadCpuTime(t.getId()) - task.cpuAtStart + task.blockedNanos;
        task.where.merge(ours(t.getStackTrace()), 1, Integer::sum);
        if (held > worstNanos) {
          worstNanos = held;
          worstWhere = t.getName() + ", samples by innermost meshctl frame:\n" + task.where;
        }
      }
      java.util.concurrent.locks.LockSupport.parkNanos(SAMPLE_NANOS);
    }
  }

  /** The innermost frame of meshctl's own code, and the frame where the thread is. */
  private static String ours(StackTraceElement[] stack) {
    String top = stack.length == 0 ? "?" : stack[0].toString();
    return Arrays.stream(stack)
            .filter(f -> f.getClassName().startsWith("dev.meshctl"))
            .findFirst()
            .map(String::valueOf)
            .orElse("(no meshctl frame)")
        + " <- " + top;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    sampler.join(1000);
  }

  /** One loop task as first seen: its start stamp and the thread's CPU time then. */
  private static final class Task {
    final long start;
    final long cpuAtStart;
    long blockedNanos;
    final Map<String, Integer> where = new java.util.TreeMap<>();

    Task(long start, long cpuAtStart) {
      this.start = start;
      this.cpuAtStart = cpuAtStart;
    }
  }
}
