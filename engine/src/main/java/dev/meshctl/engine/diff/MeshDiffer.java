package dev.meshctl.engine.diff;

import dev.meshctl.engine.desired.DesiredController;
import dev.meshctl.engine.desired.DesiredMesh;
import dev.meshctl.engine.desired.PeerIdAssignment;
import dev.meshctl.engine.live.ControllerObservation;
import dev.meshctl.engine.live.ControllerState;
import dev.meshctl.engine.live.MeshState;
import java.util.List;
import java.util.Optional;

/**
 * Compares the expanded spec with the live state, per resource address. Pure. A controller that
 * could not be read is reported as such and the others are still compared.
 */
public final class MeshDiffer {
  private static final List<ResourceDiffer> DIFFERS =
      List.of(
          new LicenseDiffer(),
          new KeysetDiffer(),
          new NamesDiffer(),
          new PeerIdDiffer(),
          new PeersDiffer(),
          new RoutesDiffer());

  private MeshDiffer() {}

  public static MeshDiff diff(DesiredMesh want, MeshState live) {
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
        for (ResourceDiffer d : DIFFERS) {
          d.diff(ctx, out);
        }
      }
    }
    DepartedPeers.check(want, PeerIdAssignment.live(live).values(), out);
    return out.result();
  }
}
