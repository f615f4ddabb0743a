package dev.meshctl.engine.live;

import java.util.Optional;
import java.util.SortedMap;

/**
 * What {@code GET /peering} says: the controller's own peer ID (empty before {@code PUT
 * /peering/self}) and its peer map by ID, self and unset slots included.
 */
public record PeeringState(Optional<Integer> selfId, SortedMap<Integer, PeerLink> peers) {}
