package dev.meshctl.engine.progress;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.io.PrintWriter;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Text for a terminal or a pipe, written by a thread of its own. Progress events arrive on an
 * event loop; writing and flushing there would stall the loop (and with it HTTP answers and the
 * lock's renewal) whenever the reader of a pipe stops reading. {@link #print} only queues, so it
 * never blocks; the writer thread writes and flushes in order. {@link #drained()} says when
 * everything queued so far is out, so the summary printed after an apply follows its progress.
 *
 * <p>The queue is unbounded on purpose: an apply emits a few lines per action (tens of thousands
 * at most), and losing progress lines, or blocking to avoid it, would be worse than the memory.
 */
public final class QueuedOutput {
  private final PrintWriter out;
  private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
  private Thread writer;

  public QueuedOutput(PrintWriter out) {
    this.out = out;
  }

  /** Queues {@code text} to be written and flushed; returns at once. */
  public void print(String text) {
    enqueue(
        () -> {
          out.print(text);
          out.flush();
        });
  }

  /** Completes once everything queued before this call is written and flushed. */
  public Future<Void> drained() {
    Promise<Void> done = Promise.promise();
    enqueue(done::complete);
    return done.future();
  }

  private synchronized void enqueue(Runnable r) {
    queue.add(r);
    if (writer == null) {
      writer = new Thread(this::drain, "meshctl-output");
      // A process that ends with output still queued (an error exit) does not wait for a
      // reader that may never read.
      writer.setDaemon(true);
      writer.start();
    }
  }

  private void drain() {
    try {
      while (true) {
        queue.take().run();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
