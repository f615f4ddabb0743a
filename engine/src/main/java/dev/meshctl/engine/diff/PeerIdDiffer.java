package dev.meshctl.engine.diff;

import dev.meshctl.engine.desired.DesiredPeerId;
import java.util.List;
import java.util.Optional;

/** The controller's own peer ID. */
final class PeerIdDiffer implements ResourceDiffer {
  @Override
  public void diff(DiffContext ctx, DiffCollector out) {
    DesiredPeerId want = ctx.want().peerId();
    Optional<Integer> live = ctx.live().peering().selfId();
    if (live.isEmpty()) {
      out.change(Change.create(want, List.of(FieldChange.added("id", want.peerId()))));
    } else if (live.get() != want.peerId()) {
      out.change(Change.update(want, List.of(FieldChange.changed("id", live.get(), want.peerId()))));
    }
  }
}
