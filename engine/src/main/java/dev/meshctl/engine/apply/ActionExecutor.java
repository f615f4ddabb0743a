package dev.meshctl.engine.apply;

import dev.meshctl.dsl.model.ApiAccess;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.engine.client.Vns3Client;
import dev.meshctl.engine.client.Vns3Error;
import dev.meshctl.engine.client.Vns3Exception;
import dev.meshctl.engine.plan.ActionRun;
import dev.meshctl.engine.plan.PlanAction;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one plan action on its controller's client, under its deadline. The action makes its own
 * calls ({@link PlanAction#run}); secrets (license text, keyset token) come from the {@link
 * MeshSpec} at run time and are never in a plan, a message or the output.
 *
 * <p>Each action runs under its own deadline, set by what it waits for ({@link
 * dev.meshctl.engine.plan.BackgroundWork#timeout}).
 */
public final class ActionExecutor {
  private final MeshSpec spec;
  private final Map<String, Vns3Client> clients;
  private final Future<Void> abandonWaits;
  /** Per controller name: its API's request timeout (looked up for every action). */
  private final Map<String, Duration> requestTimeouts;

  /**
   * @param spec the desired state, for secrets and timeouts
   * @param clients a client per controller name
   */
  public ActionExecutor(MeshSpec spec, Map<String, Vns3Client> clients) {
    this(spec, clients, Promise.<Void>promise().future());
  }

  /**
   * @param abandonWaits completing it abandons every reboot and keyset wait under way (the
   *     user interrupted): the action fails at once saying so, rather than after minutes. A
   *     request already sent is still waited for, so no write is left ambiguous by it.
   */
  public ActionExecutor(MeshSpec spec, Map<String, Vns3Client> clients, Future<Void> abandonWaits) {
    this.spec = spec;
    this.abandonWaits = abandonWaits;
    this.clients = Map.copyOf(clients);
    Map<String, Duration> timeouts = new HashMap<>();
    spec.controllers().forEach(c -> timeouts.put(c.name(), c.api().requestTimeout()));
    this.requestTimeouts = Map.copyOf(timeouts);
  }

  /** Runs one action; the future fails with a message naming the controller and the call. */
  public Future<Void> run(PlanAction action) {
    Vns3Client client = clients.get(action.controller());
    if (client == null) {
      return Future.failedFuture(
          new IllegalStateException("no client for controller \"" + action.controller() + "\""));
    }
    Duration limit = timeout(action);
    return action
        .run(new ActionRun(spec, client, abandonWaits))
        .timeout(limit.toMillis(), TimeUnit.MILLISECONDS)
        .recover(
            e ->
                Future.failedFuture(
                    e instanceof TimeoutException
                        ? new Vns3Exception(
                            new Vns3Error.Timeout(
                                action.controller(),
                                action.type(),
                                "did not finish within " + limit.toSeconds() + "s"))
                        : e));
  }

  /** How long the action may take in all. */
  public Duration timeout(PlanAction action) {
    Duration request =
        requestTimeouts.getOrDefault(action.controller(), ApiAccess.DEFAULT_REQUEST_TIMEOUT);
    return action.waits().timeout(request, spec.execution());
  }
}
