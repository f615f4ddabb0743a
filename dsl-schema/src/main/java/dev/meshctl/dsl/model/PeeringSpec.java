package dev.meshctl.dsl.model;

import java.util.List;

/**
 * How the controllers peer.
 *
 * @param fullMesh every controller peers with every other; otherwise only {@code links}
 * @param links explicit links (with full mesh: per-link overrides such as MTU)
 * @param address which address peers use to reach a controller
 * @param overlayMtu the default overlay MTU (VNS3: 500..4800, default 1500)
 */
public record PeeringSpec(boolean fullMesh, List<LinkSpec> links, PeerAddress address, int overlayMtu) {
  public static final int DEFAULT_MTU = 1500;
}
