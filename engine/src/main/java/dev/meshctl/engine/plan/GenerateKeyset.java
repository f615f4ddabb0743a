package dev.meshctl.engine.plan;

import dev.meshctl.engine.address.ResourceAddress;
import dev.meshctl.engine.client.Vns3Client;
import io.vertx.core.Future;
import java.util.Map;
import java.util.Optional;

/**
 * On the root: {@code PUT /keyset {"token": T}} (token read from the spec when run), then wait
 * until {@code GET /keyset} shows the keyset present.
 */
public record GenerateKeyset(ResourceAddress address) implements PlanAction {
  @Override
  public ActionType actionType() {
    return PlanActionType.GENERATE_KEYSET;
  }

  @Override
  public BackgroundWork waits() {
    return BackgroundWork.KEYSET_GENERATION;
  }

  @Override
  public Future<Void> run(ActionRun run) {
    return KeysetJob.run(run, Optional.empty(), Vns3Client::generateKeyset, Vns3Client::awaitKeyset);
  }

  @Override
  public Map<String, Object> parameters() {
    return Map.of();
  }

  static GenerateKeyset read(ResourceAddress at, ActionParameters p) {
    return new GenerateKeyset(at);
  }
}
