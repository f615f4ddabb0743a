package dev.meshctl.engine.diff;

import dev.meshctl.engine.address.ResourceAddress;
import dev.meshctl.engine.desired.DesiredResource;
import java.util.List;
import java.util.Optional;

/**
 * One resource that differs between the spec and a controller.
 *
 * @param address which resource
 * @param action create, update, delete or replace
 * @param fields the fields that differ, in a fixed order per kind
 * @param desired what the spec wants (empty for a delete)
 * @param liveId the controller's own ID of the existing object when it has one apart from the
 *     address (a route's ID), for deletes and replaces
 */
public record Change(
    ResourceAddress address,
    Action action,
    List<FieldChange> fields,
    Optional<DesiredResource> desired,
    Optional<String> liveId) {

  public static Change create(DesiredResource desired, List<FieldChange> fields) {
    return new Change(desired.address(), Action.CREATE, fields, Optional.of(desired), Optional.empty());
  }

  public static Change update(DesiredResource desired, List<FieldChange> fields) {
    return new Change(desired.address(), Action.UPDATE, fields, Optional.of(desired), Optional.empty());
  }

  public static Change delete(ResourceAddress address, List<FieldChange> fields, Optional<String> liveId) {
    return new Change(address, Action.DELETE, fields, Optional.empty(), liveId);
  }

  public static Change replace(DesiredResource desired, List<FieldChange> fields, String liveId) {
    return new Change(desired.address(), Action.REPLACE, fields, Optional.of(desired), Optional.of(liveId));
  }
}
