package dev.meshctl.engine.kind;

import dev.meshctl.engine.address.ResourceAddress;
import dev.meshctl.engine.address.ResourceKind;
import dev.meshctl.engine.desired.Cidrs;
import dev.meshctl.engine.desired.DesiredController;
import dev.meshctl.engine.desired.DesiredPeer;
import dev.meshctl.engine.diff.Action;
import dev.meshctl.engine.diff.Change;
import dev.meshctl.engine.diff.DiffCollector;
import dev.meshctl.engine.diff.DiffContext;
import dev.meshctl.engine.diff.FieldChange;
import dev.meshctl.engine.live.PeerLink;
import dev.meshctl.engine.plan.CreatePeer;
import dev.meshctl.engine.plan.DeletePeer;
import dev.meshctl.engine.plan.PeerLinkWrite;
import dev.meshctl.engine.plan.PlanAction;
import dev.meshctl.engine.plan.PlanActionType;
import dev.meshctl.engine.plan.PlanContext;
import dev.meshctl.engine.plan.PlanTransformer;
import dev.meshctl.engine.plan.UpdatePeer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * This controller's half of each peer link: its peer map. The spec owns the whole map of a
 * controller it lists: entries it does not name are deleted.
 */
public final class PeerLinkKind extends DeclaredHandler {
  /**
   * This side of a link c → d is created (or changed) after c has its own peer ID (and keyset),
   * after the route c uses to reach d exists, and after d has its keyset, since peers of one
   * topology authenticate with it.
   */
  static final PlanTransformer PEER_AFTER_PREREQUISITES =
      ctx -> {
        for (PlanActionType t : List.of(PlanActionType.CREATE_PEER, PlanActionType.UPDATE_PEER)) {
          for (PlanAction a : ctx.actions(t)) {
            String c = a.controller();
            String d = ((PeerLinkWrite) a).peerController();
            Optional<PlanAction> ownId = ctx.first(c, PlanActionType.SET_PEER_ID);
            ownId.or(() -> ctx.keyset(c)).ifPresent(x -> ctx.edge(x, a));
            ctx.mesh()
                .controller(d)
                .map(DesiredController::privateIp)
                .flatMap(ip -> ctx.routeCreate(c, Cidrs.hostRoute(ip)))
                .ifPresent(r -> ctx.edge(r, a));
            ctx.keyset(d).ifPresent(k -> ctx.edge(k, a));
          }
        }
      };

  public PeerLinkKind() {
    super(
        ResourceKind.PEER,
        c -> List.copyOf(c.peers().values()),
        List.of(PlanActionType.DELETE_PEER, PlanActionType.CREATE_PEER, PlanActionType.UPDATE_PEER),
        PEER_AFTER_PREREQUISITES);
  }

  @Override
  public void plan(Change change, PlanContext ctx) {
    ResourceAddress a = change.address();
    if (change.action() == Action.DELETE) {
      ctx.add(new DeletePeer(a, a.peerKey()));
      return;
    }
    DesiredPeer p = wanted(change, DesiredPeer.class);
    ctx.add(
        change.action() == Action.CREATE
            ? new CreatePeer(a, p.peerId(), p.peerController(), p.peerAddress(), p.mtu())
            : new UpdatePeer(a, p.peerId(), p.peerController(), p.peerAddress(), p.mtu()));
  }

  @Override
  public void diff(DiffContext ctx, DiffCollector out) {
    SortedMap<Integer, DesiredPeer> want = ctx.want().peers();
    SortedMap<Integer, PeerLink> live = ctx.live().peering().peers();
    for (DesiredPeer p : want.values()) {
      PeerLink l = live.get(p.peerId());
      if (l == null || l.notSet() || l.self()) {
        out.change(
            Change.create(
                p,
                List.of(
                    FieldChange.added("name", p.peerAddress()),
                    FieldChange.added("overlay_mtu", p.mtu()))));
        continue;
      }
      List<FieldChange> fields = new ArrayList<>();
      if (!l.address().equals(p.peerAddress())) {
        fields.add(FieldChange.changed("name", l.address(), p.peerAddress()));
      }
      if (l.mtu() != p.mtu()) {
        fields.add(FieldChange.changed("overlay_mtu", l.mtu(), p.mtu()));
      }
      if (!fields.isEmpty()) {
        out.change(Change.update(p, fields));
      }
    }
    for (PeerLink l : live.values()) {
      if (!l.self() && !l.notSet() && !want.containsKey(l.id())) {
        out.change(
            Change.delete(
                ResourceAddress.peer(ctx.want().name(), l.id()),
                List.of(
                    FieldChange.removed("name", l.address()),
                    FieldChange.removed("overlay_mtu", l.mtu())),
                Optional.empty()));
      }
    }
  }

}
