package dev.meshctl.engine.diff;

import dev.meshctl.engine.desired.DesiredKeyset;
import dev.meshctl.engine.live.ControllerState;
import dev.meshctl.engine.live.KeysetState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The keyset: generated on the root, fetched from it elsewhere. A keyset whose checksum differs
 * from the root's was made from another token or topology; replacing it would need a fresh
 * controller, so it is a problem.
 */
final class KeysetDiffer implements ResourceDiffer {
  @Override
  public void diff(DiffContext ctx, DiffCollector out) {
    DesiredKeyset want = ctx.want().keyset();
    KeysetState live = ctx.live().keyset();
    if (!live.present()) {
      List<FieldChange> fields = new ArrayList<>();
      want.sourceIp().ifPresent(ip -> fields.add(FieldChange.added("source", ip)));
      fields.add(FieldChange.sensitive("token"));
      out.change(Change.create(want, fields));
      return;
    }
    if (want.generated() || ctx.rootLive().isEmpty()) {
      return;
    }
    KeysetState root = ctx.rootLive().map(ControllerState::keyset).orElseThrow();
    Optional<String> mine = live.checksum();
    if (!root.present() && !root.inProgress()) {
      out.irreversible(
          want.address(),
          "it has a keyset but the root \""
              + want.sourceController().orElse("")
              + "\" has none: its keyset comes from another topology");
    } else if (root.present()
        && mine.isPresent()
        && root.checksum().isPresent()
        && !mine.equals(root.checksum())) {
      out.irreversible(
          want.address(),
          "its keyset (checksum "
              + mine.get()
              + ") differs from the root's ("
              + root.checksum().get()
              + "): it was made with another token or topology");
    }
  }
}
