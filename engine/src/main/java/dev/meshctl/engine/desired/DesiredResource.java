package dev.meshctl.engine.desired;

import dev.meshctl.engine.address.ResourceAddress;

/**
 * One resource a controller must have, as the spec says: the unit the diff compares with the live
 * state. Holds no secret: secrets stay in the {@code MeshSpec} and are read when applying.
 */
public interface DesiredResource {

  ResourceAddress address();

  /** The controller's name in the spec. */
  default String controller() {
    return address().controller();
  }
}
