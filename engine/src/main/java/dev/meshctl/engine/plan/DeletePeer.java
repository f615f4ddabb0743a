package dev.meshctl.engine.plan;

import dev.meshctl.engine.address.ResourceAddress;
import java.util.Map;

/** {@code DELETE /peering/peers/{id}}. */
public record DeletePeer(ResourceAddress address, int peerId) implements PlanAction {
  @Override
  public Map<String, Object> parameters() {
    return Map.of("id", peerId);
  }
}
