package dev.meshctl.engine.adopt;

import dev.meshctl.dsl.model.Endpoint;

/**
 * One running controller to adopt: the name it gets in the spec and where its API listens.
 *
 * @param endpointText the endpoint as the user wrote it, written back unchanged
 */
public record ImportTarget(String name, Endpoint endpoint, String endpointText) {}
