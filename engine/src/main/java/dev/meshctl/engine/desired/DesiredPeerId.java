package dev.meshctl.engine.desired;

import dev.meshctl.engine.address.ResourceAddress;

/** The controller's own peer ID ({@code PUT /peering/self}). */
public record DesiredPeerId(ResourceAddress address, int peerId) implements DesiredResource {}
