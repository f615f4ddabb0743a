package dev.meshctl.engine.plan;

import java.util.Locale;

/**
 * The kinds of plan action, in the order actions of one resource run (an upload before its
 * acceptance, a delete before a create).
 */
public enum PlanActionType {
  UPLOAD_LICENSE(UploadLicense.class, "upload license"),
  ACCEPT_LICENSE_PARAMETERS(AcceptLicenseParameters.class, "accept license parameters and wait for the reboot"),
  GENERATE_KEYSET(GenerateKeyset.class, "generate keyset and wait"),
  FETCH_KEYSET(FetchKeyset.class, "fetch keyset from the root and wait"),
  SET_NAMES(SetNames.class, "set names"),
  SET_PEER_ID(SetPeerId.class, "set peer ID"),
  DELETE_PEER(DeletePeer.class, "delete peer"),
  CREATE_PEER(CreatePeer.class, "create peer"),
  UPDATE_PEER(UpdatePeer.class, "update peer"),
  DELETE_ROUTE(DeleteRoute.class, "delete route"),
  CREATE_ROUTE(CreateRoute.class, "create route");

  private final Class<? extends PlanAction> type;
  private final String description;

  PlanActionType(Class<? extends PlanAction> type, String description) {
    this.type = type;
    this.description = description;
  }

  public static PlanActionType of(PlanAction action) {
    for (PlanActionType t : values()) {
      if (t.type == action.getClass()) {
        return t;
      }
    }
    throw new IllegalStateException("unknown action " + action.getClass());
  }

  /** Reads a type back from its {@link #id()}. */
  public static PlanActionType fromId(String id) {
    for (PlanActionType t : values()) {
      if (t.id().equals(id)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown action type: " + id);
  }

  /** The snake-case name used in plan files, e.g. {@code fetch_keyset}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** What the action does, in words, e.g. {@code fetch keyset from the root and wait}. */
  public String description() {
    return description;
  }

  public Class<? extends PlanAction> actionClass() {
    return type;
  }
}
