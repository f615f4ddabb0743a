package dev.meshctl.engine.client;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Waits for a future from the test thread (never from an event loop). */
public final class Await {
  private Await() {}

  public static <T> T result(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(90, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("expected success, got: " + e.getCause().getMessage(), e.getCause());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The {@link Vns3Error} the future fails with. */
  public static Vns3Error error(Future<?> f) {
    try {
      Object r = f.toCompletionStage().toCompletableFuture().get(90, TimeUnit.SECONDS);
      return fail("expected a failure, got " + r);
    } catch (ExecutionException e) {
      assertTrue(e.getCause() instanceof Vns3Exception, "not a Vns3Exception: " + e.getCause());
      return ((Vns3Exception) e.getCause()).error();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
