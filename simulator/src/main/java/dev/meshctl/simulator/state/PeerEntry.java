package dev.meshctl.simulator.state;

/**
 * One side of a peer link: this controller was told to peer with controller {@code id} at
 * {@code address} (a private IP, public IP or DNS name).
 */
public record PeerEntry(int id, String address, int mtu) {
  public static final int DEFAULT_MTU = 1500;
  public static final int MIN_MTU = 500;
  public static final int MAX_MTU = 4800;
}
