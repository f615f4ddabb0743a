package dev.meshctl.engine.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.dsl.model.ControllerSpec;
import dev.meshctl.dsl.model.ExecutionSpec;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.dsl.model.Secret;
import dev.meshctl.engine.address.ResourceAddress;
import dev.meshctl.engine.client.TestControllers;
import dev.meshctl.engine.client.Vns3Client;
import dev.meshctl.engine.client.Vns3Error;
import dev.meshctl.engine.client.Vns3Exception;
import dev.meshctl.engine.live.KeysetState;
import dev.meshctl.engine.plan.FetchKeyset;
import dev.meshctl.engine.testing.SimulatedMeshes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A keyset download the root refuses: the job stops without a keyset, and the action fails at
 * once saying how long it waited, what the last poll showed and what to check.
 */
class ActionExecutorKeysetTest {
  @Test
  void aDownloadTheRootRefusesStopsAtOnceSayingWhatToCheck() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      AtomicInteger puts = new AtomicInteger();
      // Each PUT starts a job (a new started_at_i); each job stops without a keyset a little later.
      Vns3Client refused =
          (Vns3Client)
              Proxy.newProxyInstance(
                  Vns3Client.class.getClassLoader(),
                  new Class<?>[] {Vns3Client.class},
                  (proxy, method, args) ->
                      switch (method.getName()) {
                        case "controller" -> "east-1b";
                        case "fetchKeyset" ->
                            Future.succeededFuture(
                                new KeysetState(false, true, Optional.empty(), Optional.of(1000L + puts.incrementAndGet())));
                        case "awaitDownloadedKeyset" ->
                            vertx.timer(40)
                                .compose(
                                    t ->
                                        Future.failedFuture(
                                            new Vns3Exception(
                                                new Vns3Error.JobFailed(
                                                    "east-1b", "keyset wait", "the keyset job stopped without a keyset"))));
                        default -> throw new UnsupportedOperationException(method.getName());
                      });
      ControllerSpec c = TestControllers.http("east-1b", 1);
      MeshSpec spec =
          SimulatedMeshes.fullMeshSpec(
              "mesh", List.of(c), Secret.of("token"), new ExecutionSpec(4, 1, Duration.ofSeconds(5), Duration.ofMillis(400)));
      ActionExecutor executor = new ActionExecutor(spec, Map.of("east-1b", refused));
      FetchKeyset fetch = new FetchKeyset(ResourceAddress.keyset("east-1b"), "east-1a", "10.0.1.10");

      CompletableFuture<Throwable> failed = new CompletableFuture<>();
      executor.run(fetch).onComplete(ar -> failed.complete(ar.cause()));
      Vns3Error e = Vns3Exception.errorOf(failed.get(30, TimeUnit.SECONDS)).orElseThrow();

      Vns3Error.JobFailed stopped = assertInstanceOf(Vns3Error.JobFailed.class, e);
      assertEquals("keyset download", stopped.call());
      // Stopped at the first job, as the vendor's SDK does, not after the whole keyset timeout.
      assertEquals(1, puts.get(), "one job, not started again");
      assertTrue(
          stopped.detail().matches(
              "the root at 10\\.0\\.1\\.10 refused the keyset download or could not be reached: the keyset job"
                  + " stopped without a keyset after \\d+ms\\. Does the keyset token match the one the topology"
                  + " was made with .*"),
          stopped.detail());
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
