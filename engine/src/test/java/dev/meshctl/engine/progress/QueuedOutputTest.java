package dev.meshctl.engine.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class QueuedOutputTest {

  /** A terminal whose reader stopped reading: every write waits until it reads again. */
  private static final class StalledWriter extends Writer {
    final CountDownLatch reading = new CountDownLatch(1);
    final StringWriter got = new StringWriter();

    @Override
    public void write(char[] buf, int off, int len) {
      try {
        reading.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      got.write(buf, off, len);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  @Test
  void printingNeverWaitsForAStalledReaderAndEverythingArrivesInOrderOnceItReads() throws Exception {
    StalledWriter stalled = new StalledWriter();
    QueuedOutput out = new QueuedOutput(new PrintWriter(stalled));
    long start = System.nanoTime();
    for (int i = 0; i < 1000; i++) {
      out.print("line " + i + "\n");
    }
    Future<Void> drained = out.drained();
    // Had print waited for the writer, the first call would never have returned.
    assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) < 5, "print returned while stalled");
    assertFalse(drained.isComplete(), "nothing could be written yet");

    stalled.reading.countDown();
    drained.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    String text = stalled.got.toString();
    assertTrue(text.startsWith("line 0\nline 1\n"), text.substring(0, 20));
    assertTrue(text.endsWith("line 999\n"));
    assertEquals(1000, text.lines().count());
  }

  @Test
  void lineProgressWritesThroughTheQueueAndSaysWhenItIsOut() throws Exception {
    StringWriter sink = new StringWriter();
    LineProgress<String> progress = new LineProgress<>(new PrintWriter(sink), n -> n);
    progress.started("a");
    progress.succeeded("a", java.time.Duration.ofMillis(1200));
    progress.drained().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertEquals("a: starting" + System.lineSeparator() + "a: done after 1.2s" + System.lineSeparator(), sink.toString());
  }
}
