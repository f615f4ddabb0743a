package dev.meshctl.engine.pipeline;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.function.Supplier;

/**
 * Starts work in an event-loop task of its own. Reading 64 controllers issues 320 requests, and a
 * walk starts up to its parallelism of actions at once; begun in one task, building and writing
 * those requests holds the loop for tens of milliseconds. One task per controller or action lets
 * answers, timers and lock renewals run in between.
 */
public final class OwnTask {
  private OwnTask() {}

  /** {@code work} started in a new task on {@code context}; its result, or its exception as a failure. */
  public static <T> Future<T> on(Context context, Supplier<Future<T>> work) {
    Promise<T> done = Promise.promise();
    context.runOnContext(
        v -> {
          Future<T> started;
          try {
            started = work.get();
          } catch (RuntimeException e) {
            started = Future.failedFuture(e);
          }
          started.onComplete(done);
        });
    return done.future();
  }
}
