package dev.meshctl.engine.desired;

import dev.meshctl.engine.address.ResourceAddress;

/**
 * One half of a peer link: this controller's entry for peer {@code peerId}.
 *
 * @param peerController the peer's name in the spec
 * @param peerAddress the address sent as {@code name} (private IP, public IP or DNS name)
 * @param peerPrivateIp the peer's private IP, which the peer route on this side leads to
 * @param mtu the link's overlay MTU
 */
public record DesiredPeer(
    ResourceAddress address,
    int peerId,
    String peerController,
    String peerAddress,
    String peerPrivateIp,
    int mtu)
    implements DesiredResource {}
