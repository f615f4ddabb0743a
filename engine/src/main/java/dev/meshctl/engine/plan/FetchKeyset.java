package dev.meshctl.engine.plan;

import dev.meshctl.engine.address.ResourceAddress;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code PUT /keyset {"source": ROOT_PRIVATE_IP, "token": T}}, then wait until the download is
 * done. The download licenses the controller with the root's configuration.
 *
 * @param sourceController the root's name in the spec
 * @param sourceIp the root's private IP, sent as {@code source}
 */
public record FetchKeyset(ResourceAddress address, String sourceController, String sourceIp)
    implements PlanAction {
  @Override
  public ActionType actionType() {
    return PlanActionType.FETCH_KEYSET;
  }

  @Override
  public BackgroundWork waits() {
    return BackgroundWork.KEYSET_DOWNLOAD;
  }

  @Override
  public Future<Void> run(ActionRun run) {
    Duration reboot = run.spec().execution().rebootTimeout();
    return KeysetJob.run(
        run,
        Optional.of(sourceIp),
        (c, token) -> c.fetchKeyset(sourceIp, token),
        (c, left, previous) -> c.awaitDownloadedKeyset(left, reboot, previous));
  }

  @Override
  public Map<String, Object> parameters() {
    return ActionParameters.ordered("source", sourceIp, "source_controller", sourceController);
  }

  static FetchKeyset read(ResourceAddress at, ActionParameters p) {
    return new FetchKeyset(at, p.text("source_controller"), p.text("source"));
  }
}
