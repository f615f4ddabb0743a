package dev.meshctl.engine.plan;

import dev.meshctl.engine.address.ResourceAddress;
import java.util.Map;

/** {@code PUT /license} with the spec's license text (read from the spec when run). */
public record UploadLicense(ResourceAddress address) implements PlanAction {
  @Override
  public Map<String, Object> parameters() {
    return Map.of();
  }
}
