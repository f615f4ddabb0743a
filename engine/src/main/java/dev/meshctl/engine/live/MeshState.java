package dev.meshctl.engine.live;

import java.util.Optional;
import java.util.SortedMap;

/** The live state of every controller of a spec, by controller name. */
public record MeshState(SortedMap<String, ControllerObservation> controllers) {
  public Optional<ControllerState> observed(String controller) {
    return controllers.get(controller) instanceof ControllerObservation.Observed o
        ? Optional.of(o.state())
        : Optional.empty();
  }
}
