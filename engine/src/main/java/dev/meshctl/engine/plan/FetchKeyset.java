package dev.meshctl.engine.plan;

import dev.meshctl.engine.address.ResourceAddress;
import java.util.LinkedHashMap;
import java.util.Map;

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
  public Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("source", sourceIp);
    p.put("source_controller", sourceController);
    return p;
  }
}
