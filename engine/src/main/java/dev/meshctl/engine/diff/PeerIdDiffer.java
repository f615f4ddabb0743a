package dev.meshctl.engine.diff;

import dev.meshctl.engine.desired.DesiredPeerId;
import java.util.List;
import java.util.Optional;

/**
 * The controller's own peer ID. VNS3 bounds it by the license ("cannot be greater than the number
 * of controllers in the topology": vns3-api-6.0.0.openapi.yaml, PeerSelfRequest), which only a
 * controller can tell, so the range is checked here rather than when the spec is loaded.
 */
final class PeerIdDiffer implements ResourceDiffer {
  @Override
  public void diff(DiffContext ctx, DiffCollector out) {
    DesiredPeerId want = ctx.want().peerId();
    // Every controller of a topology holds the same license: a controller that has none yet
    // (before its keyset download) is bounded by the root's.
    Optional<Integer> capacity =
        ctx.live().license().capacity().or(() -> ctx.rootLive().flatMap(r -> r.license().capacity()));
    if (capacity.isPresent() && want.peerId() > capacity.get()) {
      int n = capacity.get();
      out.problem(
          want.address(),
          "peer ID " + want.peerId() + " is out of range: the license allows " + n
              + (n == 1 ? " controller, so the only peer ID is 1" : " controllers, so peer IDs are 1.." + n),
          "give it a free peer_id in 1.." + n + ", or use a license for more controllers");
      return;
    }
    Optional<Integer> live = ctx.live().peering().selfId();
    if (live.isEmpty()) {
      out.change(Change.create(want, List.of(FieldChange.added("id", want.peerId()))));
    } else if (live.get() != want.peerId()) {
      out.change(Change.update(want, List.of(FieldChange.changed("id", live.get(), want.peerId()))));
      out.warn(
          want.address().toString(),
          "the peer ID of \"" + ctx.want().name() + "\" changes from " + live.get() + " to " + want.peerId()
              + ": every controller peered with it deletes its link under ID " + live.get()
              + " and adds one under ID " + want.peerId() + ", so the links to it go down until both sides are redone",
          "to keep its ID, set peer_id: " + live.get() + " on it (or remove the peer_id that moves it)");
    }
  }
}
