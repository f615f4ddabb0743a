package dev.meshctl.engine.plan;

import dev.meshctl.engine.address.ResourceAddress;
import io.vertx.core.Future;
import java.util.Map;

/** {@code PUT /license} with the spec's license text (read from the spec when run). */
public record UploadLicense(ResourceAddress address) implements PlanAction {
  @Override
  public ActionType actionType() {
    return PlanActionType.UPLOAD_LICENSE;
  }

  @Override
  public Future<Void> run(ActionRun run) {
    return run.client().putLicense(run.spec().license().text());
  }

  @Override
  public Map<String, Object> parameters() {
    return Map.of();
  }

  static UploadLicense read(ResourceAddress at, ActionParameters p) {
    return new UploadLicense(at);
  }
}
