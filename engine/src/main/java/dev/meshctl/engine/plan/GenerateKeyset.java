package dev.meshctl.engine.plan;

import dev.meshctl.engine.address.ResourceAddress;
import java.util.Map;

/**
 * On the root: {@code PUT /keyset {"token": T}} (token read from the spec when run), then wait
 * until {@code GET /keyset} shows the keyset present.
 */
public record GenerateKeyset(ResourceAddress address) implements PlanAction {
  @Override
  public Map<String, Object> parameters() {
    return Map.of();
  }
}
