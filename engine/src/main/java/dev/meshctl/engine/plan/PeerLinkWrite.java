package dev.meshctl.engine.plan;

import java.util.LinkedHashMap;
import java.util.Map;

/** A create or an update of this controller's half of a peer link: both send the same fields. */
public interface PeerLinkWrite extends PlanAction {
  /** The peer's ID, the link's key. */
  int peerId();

  /** The peer's name in the spec. */
  String peerController();

  /** The address sent as {@code name}. */
  String peerAddress();

  int mtu();

  @Override
  default Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("id", peerId());
    p.put("name", peerAddress());
    p.put("overlay_mtu", mtu());
    p.put("peer_controller", peerController());
    return p;
  }
}
