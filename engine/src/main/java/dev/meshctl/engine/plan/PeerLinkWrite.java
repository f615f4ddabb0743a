package dev.meshctl.engine.plan;

import dev.meshctl.engine.address.ResourceAddress;
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

  /** Makes a create or an update from the fields both send. */
  interface Constructor<T extends PeerLinkWrite> {
    T of(ResourceAddress address, int peerId, String peerController, String peerAddress, int mtu);
  }

  /** Reads a create or an update back from its saved {@link #parameters()}. */
  static <T extends PeerLinkWrite> T read(ResourceAddress at, ActionParameters p, Constructor<T> make) {
    return make.of(at, p.number("id"), p.text("peer_controller"), p.text("name"), p.number("overlay_mtu"));
  }

  @Override
  default Map<String, Object> parameters() {
    return ActionParameters.ordered(
        "id", peerId(), "name", peerAddress(), "overlay_mtu", mtu(), "peer_controller", peerController());
  }
}
