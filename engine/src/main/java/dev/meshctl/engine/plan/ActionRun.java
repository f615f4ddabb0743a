package dev.meshctl.engine.plan;

import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.engine.client.Vns3Client;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.CancellationException;

/**
 * What an action runs with: its controller's client, the spec for the secrets (license text,
 * keyset token) and waits it needs, and the signal to abandon waits. Secrets are read here at run
 * time, never carried in a plan.
 *
 * @param abandonWaits completed when the user interrupts: reboot and keyset waits under way end
 */
public record ActionRun(MeshSpec spec, Vns3Client client, Future<Void> abandonWaits) {

  /**
   * {@code wait}, unless the user interrupts first: then a failure saying the wait was left,
   * while the controller goes on by itself.
   */
  public <T> Future<T> abandonable(Future<T> wait, String what) {
    Promise<T> result = Promise.promise();
    wait.onComplete(result);
    abandonWaits.onComplete(
        v ->
            result.tryFail(
                new CancellationException(
                    "interrupted: stopped waiting for " + what + "; the controller carries on by itself,"
                        + " and a re-run reads where it got to")));
    return result.future();
  }
}
