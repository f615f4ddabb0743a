package dev.meshctl.engine.live;

import java.util.List;

/**
 * Everything meshctl reads of one reachable controller, in one round of reads. Reads an
 * unlicensed controller refuses (403 "Must be licensed first.") are given as their empty
 * state, not as errors.
 *
 * @param controller the controller's name in the spec
 * @param routes the whole route table, system and learned routes included
 */
public record ControllerState(
    String controller,
    ConfigState config,
    LicenseState license,
    KeysetState keyset,
    PeeringState peering,
    List<LiveRoute> routes) {}
