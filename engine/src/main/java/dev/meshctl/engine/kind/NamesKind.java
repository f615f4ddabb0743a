package dev.meshctl.engine.kind;

import dev.meshctl.engine.address.ResourceKind;
import dev.meshctl.engine.desired.DesiredNames;
import dev.meshctl.engine.diff.Change;
import dev.meshctl.engine.diff.DiffCollector;
import dev.meshctl.engine.diff.DiffContext;
import dev.meshctl.engine.diff.FieldChange;
import dev.meshctl.engine.live.ConfigState;
import dev.meshctl.engine.plan.PlanAction;
import dev.meshctl.engine.plan.PlanActionType;
import dev.meshctl.engine.plan.PlanContext;
import dev.meshctl.engine.plan.PlanTransformer;
import dev.meshctl.engine.plan.SetNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Topology and controller names. A licensed controller already named for another topology
 * belongs to that topology: renaming it would not move its license or keyset, so that is a
 * problem, not a change.
 */
public final class NamesKind extends DeclaredHandler {
  /**
   * Names on a controller that downloads its keyset come after the download: it copies the root's
   * configuration and may overwrite them (the Terraform provider's {@code vns3_config} names such
   * a controller only after {@code FetchKeysetFromSource}). Everywhere else they come first,
   * before the license, as the SDK's {@code setup_controller}, the Go client's {@code
   * SetupController} and the provider name a fresh controller: the topology name then marks the
   * controller as this mesh's before the irreversible step, so the check that a licensed
   * controller belongs to the spec's topology holds from the start.
   */
  static final PlanTransformer NAMES_FIRST_OR_AFTER_DOWNLOAD =
      ctx -> {
        for (PlanAction names : ctx.actions(PlanActionType.SET_NAMES)) {
          String c = names.controller();
          Optional<PlanAction> fetch = ctx.first(c, PlanActionType.FETCH_KEYSET);
          if (fetch.isPresent()) {
            ctx.edge(fetch.get(), names);
          } else {
            ctx.first(c, PlanActionType.UPLOAD_LICENSE)
                .or(() -> ctx.first(c, PlanActionType.ACCEPT_LICENSE_PARAMETERS))
                .ifPresent(licensing -> ctx.edge(names, licensing));
          }
        }
      };

  public NamesKind() {
    super(ResourceKind.NAMES, c -> List.of(c.names()), List.of(PlanActionType.SET_NAMES), NAMES_FIRST_OR_AFTER_DOWNLOAD);
  }

  @Override
  public void plan(Change change, PlanContext ctx) {
    DesiredNames n = wanted(change, DesiredNames.class);
    ctx.add(new SetNames(change.address(), n.topologyName(), n.controllerName()));
  }

  @Override
  public void diff(DiffContext ctx, DiffCollector out) {
    DesiredNames want = ctx.want().names();
    ConfigState live = ctx.live().config();
    Optional<String> topology = live.topologyName().filter(s -> !s.isBlank());
    if (live.licensed() && topology.isPresent() && !topology.get().equals(want.topologyName())) {
      out.irreversible(
          want.address().controllerAddress(),
          "it belongs to topology \""
              + topology.get()
              + "\", not \""
              + want.topologyName()
              + "\"");
      return;
    }
    List<FieldChange> fields = new ArrayList<>();
    if (!topology.equals(Optional.of(want.topologyName()))) {
      fields.add(FieldChange.of("topology_name", topology, Optional.of(want.topologyName())));
    }
    Optional<String> controllerName = live.controllerName().filter(s -> !s.isBlank());
    if (want.controllerName().isPresent() && !want.controllerName().equals(controllerName)) {
      fields.add(FieldChange.of("controller_name", controllerName, want.controllerName()));
    }
    if (fields.isEmpty()) {
      return;
    }
    out.change(topology.isEmpty() ? Change.create(want, fields) : Change.update(want, fields));
  }

}
