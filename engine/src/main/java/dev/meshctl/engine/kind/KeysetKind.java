package dev.meshctl.engine.kind;

import dev.meshctl.engine.address.ResourceKind;
import dev.meshctl.engine.desired.DesiredKeyset;
import dev.meshctl.engine.diff.Change;
import dev.meshctl.engine.diff.DiffCollector;
import dev.meshctl.engine.diff.DiffContext;
import dev.meshctl.engine.diff.FieldChange;
import dev.meshctl.engine.live.ControllerState;
import dev.meshctl.engine.live.KeysetState;
import dev.meshctl.engine.plan.FetchKeyset;
import dev.meshctl.engine.plan.GenerateKeyset;
import dev.meshctl.engine.plan.PlanAction;
import dev.meshctl.engine.plan.PlanActionType;
import dev.meshctl.engine.plan.PlanContext;
import dev.meshctl.engine.plan.PlanTransformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The keyset: generated on the root, fetched from it elsewhere. A keyset whose checksum differs
 * from the root's was made from another token or topology; replacing it would need a fresh
 * controller, so it is a problem.
 */
public final class KeysetKind extends DeclaredHandler {
  /** The root generates its keyset once licensed (after the reboot parameters cause). */
  static final PlanTransformer ROOT_KEYSET_AFTER_LICENSE =
      ctx -> {
        for (PlanAction generate : ctx.actions(PlanActionType.GENERATE_KEYSET)) {
          ctx.licensing(generate.controller()).ifPresent(l -> ctx.edge(l, generate));
        }
      };

  /** A controller downloads the keyset only once the root has one to give. */
  static final PlanTransformer FETCH_AFTER_ROOT_KEYSET =
      ctx -> {
        for (PlanAction a : ctx.actions(PlanActionType.FETCH_KEYSET)) {
          FetchKeyset fetch = (FetchKeyset) a;
          ctx.keyset(fetch.sourceController()).ifPresent(k -> ctx.edge(k, fetch));
        }
      };

  public KeysetKind() {
    super(
        ResourceKind.KEYSET,
        c -> List.of(c.keyset()),
        List.of(PlanActionType.GENERATE_KEYSET, PlanActionType.FETCH_KEYSET),
        ROOT_KEYSET_AFTER_LICENSE,
        FETCH_AFTER_ROOT_KEYSET);
  }

  @Override
  public void plan(Change change, PlanContext ctx) {
    DesiredKeyset k = wanted(change, DesiredKeyset.class);
    ctx.add(
        k.generated()
            ? new GenerateKeyset(k.address())
            : new FetchKeyset(k.address(), k.sourceController().orElseThrow(), k.sourceIp().orElseThrow()));
  }

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
