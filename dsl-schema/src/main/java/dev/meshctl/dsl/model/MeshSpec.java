package dev.meshctl.dsl.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A validated mesh.yaml with every {@code ${...}} reference resolved and every default applied:
 * the desired state of one VNS3 peering mesh.
 *
 * @param source the file it was loaded from
 * @param topology the VNS3 topology name, set on every controller
 * @param controllers the controllers, in spec order
 * @param root the name of the root controller (default: the first); it holds the license and
 *     generates the keyset
 * @param license the topology's license
 * @param keysetToken the keyset token, identical on every controller
 * @param peering how the controllers peer
 * @param routing which routes meshctl derives
 * @param execution how plans are run
 */
public record MeshSpec(
    Path source,
    String topology,
    List<ControllerSpec> controllers,
    String root,
    LicenseSpec license,
    Secret keysetToken,
    PeeringSpec peering,
    RoutingSpec routing,
    ExecutionSpec execution) {

  public static final String API_VERSION = "meshctl/v1";
  public static final String KIND = "Mesh";

  public ControllerSpec rootController() {
    return controller(root).orElseThrow();
  }

  public Optional<ControllerSpec> controller(String name) {
    return controllers.stream().filter(c -> c.name().equals(name)).findFirst();
  }
}
