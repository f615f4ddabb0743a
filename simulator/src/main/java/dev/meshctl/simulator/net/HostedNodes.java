package dev.meshctl.simulator.net;

import java.util.Optional;

/**
 * The controllers hosted by this simulator process, which {@link MeshView} contacts by a direct
 * call instead of over HTTP: same answer, without a TLS handshake and a request per probe.
 */
public interface HostedNodes {
  /** Whether the controller at {@code endpoint} (normalized) is hosted by this process. */
  boolean hosts(String endpoint);

  /**
   * What the hosted controller at {@code endpoint} answers a peer right now; empty when it would
   * not answer over the network (its listener is closed: down, rebooting or being wiped).
   */
  Optional<NodeInfo> answer(String endpoint);
}
