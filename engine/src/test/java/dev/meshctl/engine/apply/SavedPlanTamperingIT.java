package dev.meshctl.engine.apply;

import static dev.meshctl.engine.apply.SimulatedMesh.autoApprove;
import static dev.meshctl.engine.apply.SimulatedMesh.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.dsl.model.LinkSpec;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.dsl.model.PeeringSpec;
import dev.meshctl.engine.client.RouteRequest;
import dev.meshctl.engine.live.LiveRoute;
import dev.meshctl.engine.lock.LockSettings;
import dev.meshctl.engine.lock.VariableLeaseStore;
import dev.meshctl.engine.plan.PlanActionType;
import dev.meshctl.simulator.SimTimings;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saved plans edited by hand, against simulated controllers: every inserted, deleted or changed
 * action is refused with the difference named, and not one write reaches a controller, not even
 * the lock. The edits are generic over the plan's JSON: every field of every action type's JSON
 * form is changed in turn, so a field an action gains later is covered without touching this test.
 */
class SavedPlanTamperingIT {
  @TempDir Path dir;
  private Vertx vertx;
  private SimulatedMesh mesh;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    mesh = SimulatedMesh.start(vertx, 4, SimTimings.FAST, Duration.ofSeconds(2));
  }

  @AfterEach
  void stop() throws Exception {
    mesh.close();
    await(vertx.close());
  }

  @Test
  void anInsertedRouteViaAForeignGatewayIsRefusedAndNothingIsWritten() throws Exception {
    Path file = SavedPlans.save(mesh.engine(), mesh.spec, dir);
    JsonObject plan = new JsonObject(Files.readString(file));
    JsonArray actions = plan.getJsonArray("actions");
    int at = 7;
    actions
        .getList()
        .add(
            at - 1,
            new JsonObject()
                .put("step", at)
                .put("type", "create_route")
                .put("address", "controller[\"ctl1\"].route[\"0.0.0.0/1\"]")
                .put("controller", "ctl1")
                .put(
                    "parameters",
                    new JsonObject()
                        .put("cidr", "0.0.0.0/1")
                        .put("gateway", "203.0.113.66")
                        .put("advertise", true)
                        .put("metric", 0)
                        .put("description", "meshctl: extra"))
                .put("after", new JsonArray()));
    Files.writeString(file, plan.encodePrettily());

    mesh.resetCounts();
    SavedPlans.Result r = SavedPlans.applyDeclining(mesh.engine(), mesh.spec, file);
    assertTrue(r.refused(), r::toString);
    assertTrue(
        r.message()
            .startsWith(
                file + ": action 7 differs from the plan the spec and live state give: create_route"
                    + " controller[\"ctl1\"].route[\"0.0.0.0/1\"] is not in it."),
        r::toString);
    assertEquals(0, mesh.writes(), "a tampered plan must not write anything, not even the lock");
  }

  @Test
  void deletingAnyOneActionIsRefusedAndNothingIsWritten() throws Exception {
    Path file = SavedPlans.save(mesh.engine(), mesh.spec, dir);
    String original = Files.readString(file);
    int n = new JsonObject(original).getJsonArray("actions").size();
    mesh.resetCounts();
    for (int i : List.of(0, n / 2, n - 1)) {
      JsonObject plan = new JsonObject(original);
      JsonObject removed = (JsonObject) plan.getJsonArray("actions").remove(i);
      Files.writeString(file, plan.encodePrettily());
      SavedPlans.Result r = SavedPlans.applyDeclining(mesh.engine(), mesh.spec, file);
      assertTrue(r.refused(), r::toString);
      assertTrue(
          r.message().contains(
              ": action " + (i + 1) + " differs from the plan the spec and live state give: "
                  + removed.getString("type") + " " + removed.getString("address") + " is missing from the file."),
          r::toString);
    }
    assertEquals(0, mesh.writes());
  }

  @Test
  void everyFieldOfEveryActionOfAFreshMeshIsChecked() throws Exception {
    Set<PlanActionType> seen = changeEveryField(mesh.engine(), mesh.spec);
    assertEquals(
        EnumSet.of(
            PlanActionType.UPLOAD_LICENSE,
            PlanActionType.ACCEPT_LICENSE_PARAMETERS,
            PlanActionType.GENERATE_KEYSET,
            PlanActionType.FETCH_KEYSET,
            PlanActionType.SET_NAMES,
            PlanActionType.SET_PEER_ID,
            PlanActionType.CREATE_PEER,
            PlanActionType.CREATE_ROUTE),
        seen);
  }

  @Test
  void everyFieldOfEveryActionOfADriftedMeshIsChecked() throws Exception {
    ApplyReport converged =
        await(mesh.engine().apply(ApplyOptions.defaults(10, "t@h:1"), Optional.empty(), autoApprove()));
    assertEquals(ApplyOutcome.APPLIED, converged.outcome(), converged::toString);
    // The spec now drops the ctl3-ctl4 link (delete_peer, and delete_route of its peer routes) and
    // lowers the ctl1-ctl2 MTU (update_peer); a managed route removed by hand comes back (create_route).
    List<LinkSpec> links = new ArrayList<>();
    List<String> names = mesh.spec.controllers().stream().map(c -> c.name()).toList();
    for (int i = 0; i < names.size(); i++) {
      for (int j = i + 1; j < names.size(); j++) {
        if (!(names.get(i).equals("ctl3") && names.get(j).equals("ctl4"))) {
          boolean first = i == 0 && j == 1;
          links.add(new LinkSpec(names.get(i), names.get(j), first ? OptionalInt.of(1400) : OptionalInt.empty()));
        }
      }
    }
    MeshSpec s = mesh.spec;
    MeshSpec drifted =
        new MeshSpec(
            s.source(), s.topology(), s.controllers(), s.root(), s.license(), s.keysetToken(),
            new PeeringSpec(false, links, s.peering().address(), s.peering().overlayMtu()),
            s.routing(), s.execution());
    var ctl2 = mesh.clients.get("ctl2");
    LiveRoute managed =
        await(ctl2.getRoutes()).stream()
            .filter(r -> r.editable() && r.description().startsWith("meshctl: advertise"))
            .findFirst()
            .orElseThrow();
    await(ctl2.deleteRoute(managed.id()));
    // An unmanaged route the spec does not own: a delete_route of it edited in must be refused.
    await(ctl2.createRoute(new RouteRequest("192.0.2.0/24", Optional.of("10.0.2.1"), Optional.empty(), false, 5, Optional.of("by hand"))));

    ApplyEngine engine =
        new ApplyEngine(
            vertx, drifted, mesh.clients,
            Optional.of(new VariableLeaseStore(mesh.clients.get(s.root()))), LockSettings.DEFAULT, ActionCost.VNS3);
    Set<PlanActionType> seen = changeEveryField(engine, drifted);
    assertTrue(
        seen.containsAll(
            EnumSet.of(
                PlanActionType.UPDATE_PEER,
                PlanActionType.DELETE_PEER,
                PlanActionType.DELETE_ROUTE,
                PlanActionType.CREATE_ROUTE)),
        seen::toString);
  }

  /**
   * Saves the plan {@code engine} makes now, then for each action type and each field of its JSON
   * form (every parameter, step, type, address, controller, after) changes that field in one copy
   * of the file and applies it: each must be refused naming that action, with no write at all.
   *
   * @return the action types seen
   */
  private Set<PlanActionType> changeEveryField(ApplyEngine engine, MeshSpec spec) throws Exception {
    Path file = SavedPlans.save(engine, spec, dir);
    String original = Files.readString(file);
    JsonArray actions = new JsonObject(original).getJsonArray("actions");
    // One action per type is enough: the check is the same for every action of a type.
    Map<String, Integer> firstOfType = new LinkedHashMap<>();
    for (int i = 0; i < actions.size(); i++) {
      firstOfType.putIfAbsent(actions.getJsonObject(i).getString("type"), i);
    }
    Set<PlanActionType> seen = EnumSet.noneOf(PlanActionType.class);
    mesh.resetCounts();
    for (Map.Entry<String, Integer> e : firstOfType.entrySet()) {
      seen.add(PlanActionType.fromId(e.getKey()));
      int i = e.getValue();
      JsonObject action = actions.getJsonObject(i);
      List<String> fields = new ArrayList<>();
      for (String key : action.fieldNames()) {
        if (key.equals("parameters")) {
          action.getJsonObject("parameters").fieldNames().forEach(p -> fields.add("parameters." + p));
        } else {
          fields.add(key);
        }
      }
      if (action.getJsonArray("after").isEmpty()) {
        fields.remove("after");
        fields.add("after+"); // an edge added where there was none
      }
      for (String field : fields) {
        JsonObject plan = new JsonObject(original);
        JsonObject edited = plan.getJsonArray("actions").getJsonObject(i);
        change(edited, field, actions, i);
        Files.writeString(file, plan.encodePrettily());
        SavedPlans.Result r = SavedPlans.applyDeclining(engine, spec, file);
        String what = e.getKey() + " (action " + (i + 1) + ") field " + field + ": " + r;
        assertTrue(r.refused(), what);
        assertTrue(r.message().contains("action " + (i + 1) + " differs from the plan"), what);
        // A changed type or address reads as another action; any other field is named itself.
        String named = field.startsWith("after") ? "after[" : field + " is ";
        if (!field.equals("type") && !field.equals("address")) {
          assertTrue(r.message().contains(": " + named), what);
        }
        assertEquals(0, mesh.writes(), what);
      }
    }
    return seen;
  }

  /** Changes one field to another value of its kind, as an attacker would: still well-formed. */
  private static void change(JsonObject action, String field, JsonArray all, int index) {
    if (field.equals("after+")) {
      action.put("after", new JsonArray().add(index == 0 ? 2 : 1));
      return;
    }
    JsonObject holder = field.startsWith("parameters.") ? action.getJsonObject("parameters") : action;
    String key = field.startsWith("parameters.") ? field.substring("parameters.".length()) : field;
    Object v = holder.getValue(key);
    Object changed;
    if (v instanceof Integer n) {
      changed = n + 1;
    } else if (v instanceof Boolean b) {
      changed = !b;
    } else if (v instanceof JsonArray a) {
      changed = a.copy().add(a.isEmpty() ? 1 : (Integer) a.getValue(a.size() - 1) + 1);
    } else if (v instanceof String s && key.equals("type")) {
      changed = otherType(s);
    } else if (v instanceof String s && key.equals("address")) {
      changed = otherAddress(s, all);
    } else if (v instanceof String s && s.matches("\\d+(\\.\\d+){3}")) {
      changed = s.substring(0, s.lastIndexOf('.') + 1) + "66";
    } else if (v instanceof String s) {
      changed = s + "-x";
    } else {
      throw new AssertionError("no change for " + field + " = " + v);
    }
    holder.put(key, changed);
  }

  /** A type the action's parameters still read as, so the file stays well-formed. */
  private static String otherType(String type) {
    return switch (type) {
      case "create_peer" -> "update_peer";
      case "update_peer" -> "create_peer";
      case "upload_license" -> "generate_keyset";
      case "generate_keyset" -> "upload_license";
      default -> "delete_peer".equals(type) ? "set_peer_id" : "set_peer_id".equals(type) ? "delete_peer" : type + "_x";
    };
  }

  private static String otherAddress(String address, JsonArray all) {
    for (int i = 0; i < all.size(); i++) {
      String other = all.getJsonObject(i).getString("address");
      if (!other.equals(address)) {
        return other;
      }
    }
    throw new AssertionError("one address only");
  }
}
