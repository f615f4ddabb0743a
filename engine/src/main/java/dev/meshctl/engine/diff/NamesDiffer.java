package dev.meshctl.engine.diff;

import dev.meshctl.engine.desired.DesiredNames;
import dev.meshctl.engine.live.ConfigState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Topology and controller names. A licensed controller already named for another topology
 * belongs to that topology: renaming it would not move its license or keyset, so that is a
 * problem, not a change.
 */
final class NamesDiffer implements ResourceDiffer {
  @Override
  public void diff(DiffContext ctx, DiffCollector out) {
    DesiredNames want = ctx.want().names();
    ConfigState live = ctx.live().config();
    Optional<String> topology = live.topologyName().filter(s -> !s.isBlank());
    if (live.licensed() && topology.isPresent() && !topology.get().equals(want.topologyName())) {
      out.irreversible(
          ctx.want().names().address().controllerAddress(),
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
