package dev.meshctl.engine.live;

/**
 * One entry of a controller's peer map ({@code GET /peering} → {@code managers}).
 *
 * @param id the peer's ID
 * @param address the peer's address as configured ({@code name} at creation), empty if not set
 * @param reachable whether the link is up (both sides peered and the other side answers)
 * @param mtu the overlay MTU of this link
 * @param self whether this entry is the controller itself
 * @param notSet whether the slot is unused
 */
public record PeerLink(int id, String address, boolean reachable, int mtu, boolean self, boolean notSet) {}
