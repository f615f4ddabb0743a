package dev.meshctl.simulator.state;

/**
 * One side of a peer link: this controller was told to peer with controller {@code id} at
 * {@code address} (a private IP, public IP or DNS name).
 *
 * @param finalized whether the peering was finalized; {@code POST /peering/peers} with {@code
 *     "force": false} "will NOT finalize the peering operation. A peer 'reconfigure' call would
 *     then be required" (OpenAPI, CreatePeerRequest): until then this side does not negotiate,
 *     so the link stays down
 */
public record PeerEntry(int id, String address, int mtu, boolean finalized) {
  public static final int DEFAULT_MTU = 1500;
  public static final int MIN_MTU = 500;
  public static final int MAX_MTU = 4800;
}
