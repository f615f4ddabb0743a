package dev.meshctl.engine.plan;

import dev.meshctl.engine.address.ResourceAddress;
import java.util.Map;

/**
 * One step of a plan: a call (or a call and a wait) against one controller. Actions carry only
 * what they send that is not secret; the executor reads the license text, the keyset token and
 * credentials from the {@code MeshSpec} when it runs them, so a saved plan holds no secret.
 *
 * <p>Actions are values: two actions are the same vertex of the plan graph when they are equal.
 */
public sealed interface PlanAction
    permits SetNames,
        UploadLicense,
        AcceptLicenseParameters,
        GenerateKeyset,
        FetchKeyset,
        SetPeerId,
        CreatePeer,
        UpdatePeer,
        DeletePeer,
        CreateRoute,
        DeleteRoute {

  /** The resource this action changes. */
  ResourceAddress address();

  /** The controller it runs against (its name in the spec). */
  default String controller() {
    return address().controller();
  }

  /** The action's type in plan files and output, e.g. {@code create_route}. */
  default String type() {
    return PlanActionType.of(this).id();
  }

  /** The non-secret values it sends, in a fixed order, for output and plan files. */
  Map<String, Object> parameters();
}
