package dev.meshctl.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Ctrl-C during a run: instead of dying mid-action, the run stops starting actions, lets running
 * ones end, prints its summary and releases the lock.
 *
 * <p>Two ways to hear it. {@link #twoStage} handles SIGINT itself, so the first Ctrl-C is
 * acknowledged at once and the run returns its own exit code, and a second Ctrl-C exits at once
 * (a JVM already running its shutdown hooks ignores further signals, which is why a second
 * Ctrl-C used to do nothing). SIGTERM, and SIGINT where the signal cannot be handled, go through
 * a shutdown hook that waits (bounded) for the run to report.
 */
final class InterruptHook implements AutoCloseable {
  private final Thread hook;
  private final CountDownLatch finished = new CountDownLatch(1);
  private final AtomicBoolean fired = new AtomicBoolean();
  private final Optional<SignalStages> signal;

  /**
   * A shutdown hook only: the JVM exits with 130 once the run reported or {@code grace} passed.
   *
   * @param onInterrupt signals the run to stop; must not block
   * @param grace the longest the shutdown waits for the run to report
   */
  InterruptHook(Runnable onInterrupt, Duration grace, PrintWriter err) {
    this(
        onInterrupt,
        grace,
        err,
        () -> "Interrupted: starting no new action; waiting for running ones to end...",
        Optional.empty(),
        message -> false);
  }

  private InterruptHook(
      Runnable onInterrupt,
      Duration grace,
      PrintWriter err,
      Supplier<String> firstMessage,
      Optional<Supplier<String>> secondMessage,
      Predicate<String> shownElsewhere) {
    Runnable first =
        () -> {
          fired.set(true);
          String message = firstMessage.get();
          if (!shownElsewhere.test(message)) {
            err.println();
            err.println(message);
            err.flush();
          }
          onInterrupt.run();
        };
    hook =
        new Thread(
            () -> {
              if (!fired.get()) {
                first.run();
              }
              try {
                finished.await(grace.toMillis(), TimeUnit.MILLISECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "meshctl-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
    signal = secondMessage.flatMap(second -> SignalStages.install(first, () -> {
      err.println();
      err.println(second.get());
      err.flush();
    }));
  }

  /**
   * SIGINT handled in two stages: the first prints {@code firstMessage} at once and calls {@code
   * onInterrupt}; the run then ends as it reports, with its own exit code. The second prints
   * {@code secondMessage} and exits with 130 at once, without waiting for anything.
   *
   * @param shownElsewhere offered the first message first; answers true if it showed it (a live
   *     display, which would otherwise draw over a line printed under it)
   */
  static InterruptHook twoStage(
      Runnable onInterrupt,
      Duration grace,
      PrintWriter err,
      Supplier<String> firstMessage,
      Supplier<String> secondMessage,
      Predicate<String> shownElsewhere) {
    return new InterruptHook(onInterrupt, grace, err, firstMessage, Optional.of(secondMessage), shownElsewhere);
  }

  /** Whether Ctrl-C was pressed. */
  boolean fired() {
    return fired.get();
  }

  /** The run has reported: let a pending shutdown go on, or stop listening for one. */
  @Override
  public void close() {
    finished.countDown();
    signal.ifPresent(SignalStages::restore);
    if (!fired.get() || signal.isPresent()) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is already exiting for another reason; nothing to undo.
      }
    }
  }

  /** SIGINT counted: the first starts a clean stop, the second exits at once. */
  private static final class SignalStages {
    private final sun.misc.Signal sigint;
    private final sun.misc.SignalHandler previous;

    private SignalStages(sun.misc.Signal sigint, sun.misc.SignalHandler previous) {
      this.sigint = sigint;
      this.previous = previous;
    }

    /** Empty where SIGINT cannot be handled (e.g. the JVM runs with -Xrs): the hook stays. */
    static Optional<SignalStages> install(Runnable first, Runnable second) {
      AtomicInteger count = new AtomicInteger();
      try {
        sun.misc.Signal sigint = new sun.misc.Signal("INT");
        sun.misc.SignalHandler previous =
            sun.misc.Signal.handle(
                sigint,
                s -> {
                  if (count.incrementAndGet() == 1) {
                    first.run();
                  } else {
                    second.run();
                    // halt, not exit: shutdown hooks would wait for the very run being left.
                    Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
                  }
                });
        return Optional.of(new SignalStages(sigint, previous));
      } catch (IllegalArgumentException | UnsupportedOperationException e) {
        return Optional.empty();
      }
    }

    void restore() {
      try {
        sun.misc.Signal.handle(sigint, previous);
      } catch (IllegalArgumentException e) {
        // Nothing was installed that needs undoing.
      }
    }
  }
}
