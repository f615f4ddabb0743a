package dev.meshctl.engine.diff;

import dev.meshctl.engine.desired.DesiredController;
import dev.meshctl.engine.desired.DesiredMesh;
import dev.meshctl.engine.desired.PeerIdAssignment;
import dev.meshctl.engine.kind.ResourceKinds;
import dev.meshctl.engine.live.ControllerObservation;
import dev.meshctl.engine.live.ControllerState;
import dev.meshctl.engine.live.MeshState;
import java.util.List;
import java.util.Optional;

/**
 * Compares the expanded spec with the live state, per resource address, asking each resource
 * kind's handler in turn. Pure. A controller that
 * could not be read is reported as such and the others are still compared.
 */
public final class MeshDiffer {
  private MeshDiffer() {}

  /** Compares with every kind meshctl manages ({@link ResourceKinds#STANDARD}). */
  public static MeshDiff diff(DesiredMesh want, MeshState live) {
    return diff(want, live, ResourceKinds.STANDARD.handlers());
  }

  /** Compares the resources {@code differs} handle, each in turn, controller by controller. */
  public static MeshDiff diff(DesiredMesh want, MeshState live, List<? extends ResourceDiffer> differs) {
    DiffCollector out = new DiffCollector();
    Optional<ControllerState> rootLive = live.observed(want.root());
    for (DesiredController c : want.controllers().values()) {
      ControllerObservation o = live.controllers().get(c.name());
      if (o == null) {
        out.unreadable(c.name(), "not read");
      } else if (o instanceof ControllerObservation.Unreadable u) {
        out.unreadable(c.name(), u.reason());
      } else if (o instanceof ControllerObservation.Observed obs) {
        DiffContext ctx = new DiffContext(want, c, obs.state(), rootLive);
        for (ResourceDiffer d : differs) {
          d.diff(ctx, out);
        }
      }
    }
    DepartedPeers.check(want, PeerIdAssignment.live(live).values(), out);
    return out.result();
  }
}
