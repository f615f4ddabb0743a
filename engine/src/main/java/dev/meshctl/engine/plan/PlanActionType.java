package dev.meshctl.engine.plan;

import dev.meshctl.engine.address.ResourceAddress;
import java.util.Locale;

/**
 * The built-in kinds of plan action, in the order actions of one resource run (an upload before
 * its acceptance, a delete before a create). Each names the record it is and how that record is
 * read back from a saved plan; the record itself knows how to run.
 */
public enum PlanActionType implements ActionType {
  UPLOAD_LICENSE("upload license", UploadLicense::read),
  ACCEPT_LICENSE_PARAMETERS("accept license parameters and wait for the reboot", AcceptLicenseParameters::read),
  GENERATE_KEYSET("generate keyset and wait", GenerateKeyset::read),
  FETCH_KEYSET("fetch keyset from the root and wait", FetchKeyset::read),
  SET_NAMES("set names", SetNames::read),
  SET_PEER_ID("set peer ID", SetPeerId::read),
  DELETE_PEER("delete peer", DeletePeer::read),
  CREATE_PEER("create peer", (at, p) -> PeerLinkWrite.read(at, p, CreatePeer::new)),
  UPDATE_PEER("update peer", (at, p) -> PeerLinkWrite.read(at, p, UpdatePeer::new)),
  DELETE_ROUTE("delete route", DeleteRoute::read),
  CREATE_ROUTE("create route", CreateRoute::read);

  /** Reads one type's record from its saved parameters. */
  interface Reader {
    PlanAction read(ResourceAddress at, ActionParameters p);
  }

  private final String description;
  private final Reader reader;

  PlanActionType(String description, Reader reader) {
    this.description = description;
    this.reader = reader;
  }

  /**
   * The built-in type of {@code action}.
   *
   * @throws IllegalStateException for an action of a kind added by a handler
   */
  public static PlanActionType of(PlanAction action) {
    if (action.actionType() instanceof PlanActionType t) {
      return t;
    }
    throw new IllegalStateException("not a built-in action: " + action.type());
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

  @Override
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public int rank() {
    return ordinal();
  }

  @Override
  public PlanAction read(ResourceAddress at, ActionParameters p) {
    return reader.read(at, p);
  }
}
