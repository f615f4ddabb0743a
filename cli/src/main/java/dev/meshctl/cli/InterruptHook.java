package dev.meshctl.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C during an apply: instead of dying mid-action, the JVM's shutdown waits (bounded) while
 * the apply stops starting actions, lets running ones end, prints its summary and releases the
 * lock. The process then exits with 130 as for any SIGINT.
 */
final class InterruptHook implements AutoCloseable {
  private final Thread hook;
  private final CountDownLatch finished = new CountDownLatch(1);
  private final AtomicBoolean fired = new AtomicBoolean();

  /**
   * @param onInterrupt signals the apply to stop; must not block
   * @param grace the longest the shutdown waits for the apply to report
   */
  InterruptHook(Runnable onInterrupt, Duration grace, PrintWriter err) {
    hook =
        new Thread(
            () -> {
              fired.set(true);
              err.println();
              err.println("Interrupted: starting no new action; waiting for running ones to end...");
              err.flush();
              onInterrupt.run();
              try {
                finished.await(grace.toMillis(), TimeUnit.MILLISECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "meshctl-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Whether Ctrl-C was pressed. */
  boolean fired() {
    return fired.get();
  }

  /** The apply has reported: let a pending shutdown go on, or stop listening for one. */
  @Override
  public void close() {
    finished.countDown();
    if (!fired.get()) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is already exiting for another reason; nothing to undo.
      }
    }
  }
}
