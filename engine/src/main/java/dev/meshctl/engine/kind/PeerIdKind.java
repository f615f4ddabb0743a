package dev.meshctl.engine.kind;

import dev.meshctl.engine.address.ResourceKind;
import dev.meshctl.engine.desired.DesiredPeerId;
import dev.meshctl.engine.diff.Change;
import dev.meshctl.engine.diff.DiffCollector;
import dev.meshctl.engine.diff.DiffContext;
import dev.meshctl.engine.diff.FieldChange;
import dev.meshctl.engine.plan.PlanAction;
import dev.meshctl.engine.plan.PlanActionType;
import dev.meshctl.engine.plan.PlanContext;
import dev.meshctl.engine.plan.PlanTransformer;
import dev.meshctl.engine.plan.SetPeerId;
import java.util.List;
import java.util.Optional;

/**
 * The controller's own peer ID. VNS3 bounds it by the license ("cannot be greater than the number
 * of controllers in the topology": vns3-api-6.0.0.openapi.yaml, PeerSelfRequest), which only a
 * controller can tell, so the range is checked here rather than when the spec is loaded.
 */
public final class PeerIdKind extends DeclaredHandler {
  /** A peer ID needs a licensed controller with its keyset. */
  static final PlanTransformer PEER_ID_AFTER_KEYSET =
      ctx -> {
        for (PlanAction a : ctx.actions(PlanActionType.SET_PEER_ID)) {
          ctx.keyset(a.controller()).ifPresent(k -> ctx.edge(k, a));
        }
      };

  public PeerIdKind() {
    super(ResourceKind.PEER_ID, c -> List.of(c.peerId()), List.of(PlanActionType.SET_PEER_ID), PEER_ID_AFTER_KEYSET);
  }

  @Override
  public void plan(Change change, PlanContext ctx) {
    ctx.add(new SetPeerId(change.address(), wanted(change, DesiredPeerId.class).peerId()));
  }

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
