package dev.meshctl.engine.diff;

import dev.meshctl.engine.address.ResourceAddress;
import dev.meshctl.engine.desired.DesiredPeer;
import dev.meshctl.engine.live.PeerLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The peer map. The spec owns the whole map of a controller it lists: entries it does not name
 * are deleted.
 */
final class PeersDiffer implements ResourceDiffer {
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
