package dev.meshctl.engine.desired;

import dev.meshctl.engine.address.ResourceAddress;
import java.util.Optional;

/**
 * The names {@code PUT /config} sets.
 *
 * @param controllerName the controller name, or empty when the spec leaves it alone
 */
public record DesiredNames(ResourceAddress address, String topologyName, Optional<String> controllerName)
    implements DesiredResource {}
