package dev.meshctl.engine.desired;

import java.util.Optional;
import java.util.SortedMap;

/**
 * The spec expanded into explicit resources, per controller by name.
 *
 * @param topology the topology name every controller carries
 * @param root the root controller's name
 */
public record DesiredMesh(String topology, String root, SortedMap<String, DesiredController> controllers) {

  public Optional<DesiredController> controller(String name) {
    return Optional.ofNullable(controllers.get(name));
  }

  public DesiredController rootController() {
    return controllers.get(root);
  }
}
