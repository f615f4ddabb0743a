package dev.meshctl.engine.live;

import java.util.Optional;

/** What {@code GET /config} says of a controller. */
public record ConfigState(
    boolean licensed,
    Optional<String> privateIp,
    Optional<String> publicIp,
    Optional<String> topologyName,
    Optional<String> controllerName,
    Optional<String> topologyChecksum,
    Optional<Integer> managerId,
    Optional<String> vns3Version) {}
