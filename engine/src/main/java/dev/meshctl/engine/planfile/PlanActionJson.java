package dev.meshctl.engine.planfile;

import dev.meshctl.dsl.model.LicenseParameters;
import dev.meshctl.engine.address.ResourceAddress;
import dev.meshctl.engine.plan.AcceptLicenseParameters;
import dev.meshctl.engine.plan.CreatePeer;
import dev.meshctl.engine.plan.CreateRoute;
import dev.meshctl.engine.plan.DeletePeer;
import dev.meshctl.engine.plan.DeleteRoute;
import dev.meshctl.engine.plan.FetchKeyset;
import dev.meshctl.engine.plan.GenerateKeyset;
import dev.meshctl.engine.plan.PlanAction;
import dev.meshctl.engine.plan.PlanActionType;
import dev.meshctl.engine.plan.SetNames;
import dev.meshctl.engine.plan.SetPeerId;
import dev.meshctl.engine.plan.UpdatePeer;
import dev.meshctl.engine.plan.UploadLicense;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Plan actions to and from their JSON form ({@code type}, {@code address}, {@code parameters}). */
final class PlanActionJson {
  private PlanActionJson() {}

  static JsonObject parameters(PlanAction a) {
    JsonObject p = new JsonObject();
    a.parameters().forEach(p::put);
    return p;
  }

  /**
   * Reads an action back.
   *
   * @throws IllegalArgumentException naming what is missing or wrong
   */
  static PlanAction read(String type, ResourceAddress at, JsonObject p) {
    return switch (PlanActionType.fromId(type)) {
      case UPLOAD_LICENSE -> new UploadLicense(at);
      case ACCEPT_LICENSE_PARAMETERS -> new AcceptLicenseParameters(at, licenseParameters(p));
      case GENERATE_KEYSET -> new GenerateKeyset(at);
      case FETCH_KEYSET -> new FetchKeyset(at, text(p, "source_controller"), text(p, "source"));
      case SET_NAMES ->
          new SetNames(at, text(p, "topology_name"), Optional.ofNullable(p.getString("controller_name")));
      case SET_PEER_ID -> new SetPeerId(at, number(p, "id"));
      case CREATE_PEER ->
          new CreatePeer(
              at, number(p, "id"), text(p, "peer_controller"), text(p, "name"), number(p, "overlay_mtu"));
      case UPDATE_PEER ->
          new UpdatePeer(
              at, number(p, "id"), text(p, "peer_controller"), text(p, "name"), number(p, "overlay_mtu"));
      case DELETE_PEER -> new DeletePeer(at, number(p, "id"));
      case CREATE_ROUTE ->
          new CreateRoute(
              at,
              text(p, "cidr"),
              Optional.ofNullable(p.getString("gateway")),
              Optional.ofNullable(p.getString("interface")),
              Boolean.TRUE.equals(p.getBoolean("advertise")),
              number(p, "metric"),
              text(p, "description"));
      case DELETE_ROUTE -> new DeleteRoute(at, text(p, "route_id"), text(p, "cidr"));
    };
  }

  private static LicenseParameters licenseParameters(JsonObject p) {
    if (Boolean.TRUE.equals(p.getBoolean("default"))) {
      return LicenseParameters.DEFAULT;
    }
    String managers = p.getString("managers", "");
    List<String> list =
        managers.isBlank() ? List.of() : Arrays.asList(managers.trim().split("\\s+"));
    return new LicenseParameters(
        false,
        Optional.ofNullable(p.getString("subnet")),
        List.copyOf(list),
        Optional.ofNullable(p.getString("asns")),
        Optional.ofNullable(p.getString("clients")),
        Optional.ofNullable(p.getString("my_manager_vip")));
  }

  private static String text(JsonObject p, String key) {
    String v = p.getString(key);
    if (v == null) {
      throw new IllegalArgumentException("missing parameter \"" + key + "\"");
    }
    return v;
  }

  private static int number(JsonObject p, String key) {
    Integer v = p.getInteger(key);
    if (v == null) {
      throw new IllegalArgumentException("missing parameter \"" + key + "\"");
    }
    return v;
  }
}
