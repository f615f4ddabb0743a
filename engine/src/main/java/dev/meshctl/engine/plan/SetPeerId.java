package dev.meshctl.engine.plan;

import dev.meshctl.engine.address.ResourceAddress;
import java.util.Map;

/** {@code PUT /peering/self {"id": N}}. */
public record SetPeerId(ResourceAddress address, int peerId) implements PlanAction {
  @Override
  public Map<String, Object> parameters() {
    return Map.of("id", peerId);
  }
}
