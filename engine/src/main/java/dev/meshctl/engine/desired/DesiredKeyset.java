package dev.meshctl.engine.desired;

import dev.meshctl.engine.address.ResourceAddress;
import java.util.Optional;

/**
 * A controller's keyset: generated on the root, downloaded from the root everywhere else.
 *
 * @param sourceController the root's name for a download, empty on the root itself
 * @param sourceIp the root's private IP the download comes from, empty on the root itself
 */
public record DesiredKeyset(
    ResourceAddress address, Optional<String> sourceController, Optional<String> sourceIp)
    implements DesiredResource {

  /** Whether this keyset is generated here rather than fetched. */
  public boolean generated() {
    return sourceController.isEmpty();
  }
}
