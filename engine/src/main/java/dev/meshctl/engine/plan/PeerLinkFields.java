package dev.meshctl.engine.plan;

import java.util.LinkedHashMap;
import java.util.Map;

/** The parameters a create and an update of a peer both send. */
final class PeerLinkFields {
  private PeerLinkFields() {}

  static Map<String, Object> of(int peerId, String peerController, String peerAddress, int mtu) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("id", peerId);
    p.put("name", peerAddress);
    p.put("overlay_mtu", mtu);
    p.put("peer_controller", peerController);
    return p;
  }
}
