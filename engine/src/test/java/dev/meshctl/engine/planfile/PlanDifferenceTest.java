package dev.meshctl.engine.planfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.engine.desired.DesiredMesh;
import dev.meshctl.engine.desired.MeshExpander;
import dev.meshctl.engine.diff.MeshDiff;
import dev.meshctl.engine.diff.MeshDiffer;
import dev.meshctl.engine.diff.MeshFixtures;
import dev.meshctl.engine.live.MeshState;
import dev.meshctl.engine.plan.Plan;
import dev.meshctl.engine.plan.PlanBuilder;
import dev.meshctl.engine.render.PlanSummary;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A saved plan held against the plan computed again: every difference is found and named. */
class PlanDifferenceTest {
  private static final DesiredMesh MESH = MeshExpander.expand(MeshFixtures.spec(3));
  private static final MeshState LIVE = MeshFixtures.fresh(MESH);
  private static final MeshDiff DIFF = MeshDiffer.diff(MESH, LIVE);
  private static final Plan PLAN = PlanBuilder.build(MESH, DIFF, LIVE);
  private static final SavedPlan SAVED =
      new SavedPlan(
          "0.1.0", Instant.parse("2026-01-02T03:04:05Z"), "/specs/mesh.yaml", "ab", "cd", PLAN, PlanSummary.of(DIFF));

  private static Optional<String> afterEdit(Consumer<JsonObject> edit) {
    JsonObject json = new JsonObject(PlanFile.json(SAVED).encodePrettily());
    edit.accept(json);
    LoadedPlan loaded = new LoadedPlan(Path.of("plan.json"), PlanFile.parse(json, false), json);
    return loaded.differenceFrom(PLAN, DIFF);
  }

  private static JsonObject action(JsonObject plan, int step) {
    return plan.getJsonArray("actions").getJsonObject(step - 1);
  }

  private static int stepOf(String type) {
    JsonArray actions = new JsonObject(PlanFile.json(SAVED).encode()).getJsonArray("actions");
    for (int i = 0; i < actions.size(); i++) {
      if (actions.getJsonObject(i).getString("type").equals(type)) {
        return i + 1;
      }
    }
    throw new AssertionError("no " + type);
  }

  @Test
  void anUneditedPlanHasNoDifference() {
    assertEquals(Optional.empty(), afterEdit(json -> {}));
  }

  @Test
  void anInsertedActionIsNamedAsNotInThePlan() {
    int at = stepOf("create_route");
    String d =
        afterEdit(
                json ->
                    json.getJsonArray("actions")
                        .getList()
                        .add(
                            at - 1,
                            new JsonObject()
                                .put("step", at)
                                .put("type", "create_route")
                                .put("address", "controller[\"ctl-01\"].route[\"0.0.0.0/1\"]")
                                .put("controller", "ctl-01")
                                .put(
                                    "parameters",
                                    new JsonObject()
                                        .put("cidr", "0.0.0.0/1")
                                        .put("gateway", "192.0.2.66")
                                        .put("advertise", true)
                                        .put("metric", 0)
                                        .put("description", "meshctl: x"))
                                .put("after", new JsonArray())))
            .orElseThrow();
    assertEquals(
        "plan.json: action "
            + at
            + " differs from the plan the spec and live state give: create_route"
            + " controller[\"ctl-01\"].route[\"0.0.0.0/1\"] is not in it. The file was edited after"
            + " 'meshctl plan' wrote it (or was written by a meshctl that plans differently: it says"
            + " 0.1.0); nothing was changed. Run 'meshctl plan' again and review the new plan.",
        d);
  }

  @Test
  void aDeletedActionIsNamedAsMissingFromTheFile() {
    int at = stepOf("set_peer_id");
    String name = action(new JsonObject(PlanFile.json(SAVED).encode()), at).getString("address");
    String d = afterEdit(json -> json.getJsonArray("actions").remove(at - 1)).orElseThrow();
    assertTrue(
        d.startsWith(
            "plan.json: action " + at + " differs from the plan the spec and live state give: set_peer_id "
                + name + " is missing from the file."),
        d);
  }

  @Test
  void anActionAppendedAtTheEndOrCutFromTheEndIsNamed() {
    int n = PLAN.order().size();
    JsonObject last = action(new JsonObject(PlanFile.json(SAVED).encode()), n);
    String appended =
        afterEdit(json -> json.getJsonArray("actions").add(last.copy().put("step", n + 1))).orElseThrow();
    assertTrue(appended.startsWith("plan.json: action " + (n + 1) + " differs"), appended);
    assertTrue(appended.contains(last.getString("type") + " " + last.getString("address") + " is not in it"), appended);
    String cut = afterEdit(json -> json.getJsonArray("actions").remove(n - 1)).orElseThrow();
    assertTrue(cut.contains(last.getString("address") + " is missing from the file"), cut);
  }

  @Test
  void aChangedFieldIsNamedWithBothValues() {
    int at = stepOf("create_peer");
    String d =
        afterEdit(json -> action(json, at).getJsonObject("parameters").put("name", "192.0.2.66")).orElseThrow();
    JsonObject original = action(new JsonObject(PlanFile.json(SAVED).encode()), at);
    assertTrue(
        d.contains(
            "action " + at + " differs from the plan the spec and live state give: create_peer "
                + original.getString("address") + ": parameters.name is \"192.0.2.66\" in the file, \""
                + original.getJsonObject("parameters").getString("name") + "\" in the plan"),
        d);
    String mtu =
        afterEdit(json -> action(json, at).getJsonObject("parameters").put("overlay_mtu", 9000)).orElseThrow();
    assertTrue(mtu.contains(": parameters.overlay_mtu is 9000 in the file, 1500 in the plan"), mtu);
    String asDouble =
        afterEdit(json -> action(json, at).getJsonObject("parameters").put("overlay_mtu", 1500.0)).orElseThrow();
    assertTrue(asDouble.contains("parameters.overlay_mtu is 1500.0 in the file, 1500 in the plan"), asDouble);
  }

  @Test
  void addedAndRemovedKeysAndEdgesAreDifferences() {
    int at = stepOf("create_peer");
    assertTrue(
        afterEdit(json -> action(json, at).getJsonObject("parameters").put("interface", "eth0"))
            .orElseThrow()
            .contains("parameters.interface is not in the plan (the file has \"eth0\")"));
    assertTrue(
        afterEdit(json -> action(json, at).getJsonObject("parameters").remove("overlay_mtu"))
            .orElseThrow()
            .contains("parameters.overlay_mtu is missing from the file (the plan has 1500)"));
    assertTrue(
        afterEdit(json -> action(json, at).put("after", new JsonArray()))
            .orElseThrow()
            .contains("after[0] is missing from the file"));
    assertTrue(
        afterEdit(json -> json.put("comment", "harmless?"))
            .orElseThrow()
            .startsWith("plan.json: \"comment\" differs from the plan the spec and live state give: comment is not in the plan"));
    assertTrue(
        afterEdit(json -> json.getJsonObject("summary").put("add", 1))
            .orElseThrow()
            .contains("summary.add is 1 in the file, " + PlanSummary.of(DIFF).add() + " in the plan"));
  }

  @Test
  void swappedActionsAreNamedAsReordered() {
    String d =
        afterEdit(
                json -> {
                  JsonArray actions = json.getJsonArray("actions");
                  Object first = actions.getValue(0);
                  actions.set(0, actions.getValue(1));
                  actions.set(1, first);
                })
            .orElseThrow();
    assertTrue(
        d.contains(
            "action 1 differs from the plan the spec and live state give: the file has"
                + " upload_license controller[\"ctl-01\"].license here, where the plan has"
                + " set_names controller[\"ctl-01\"].names (actions reordered)"),
        d);
  }

  @Test
  void keyOrderAndLayoutAreNotDifferences() {
    JsonObject json = new JsonObject(PlanFile.json(SAVED).encode());
    JsonObject reordered = new JsonObject();
    json.fieldNames().stream().sorted(java.util.Comparator.reverseOrder()).forEach(k -> reordered.put(k, json.getValue(k)));
    LoadedPlan loaded = new LoadedPlan(Path.of("plan.json"), PlanFile.parse(reordered, false), new JsonObject(reordered.encode()));
    assertEquals(Optional.empty(), loaded.differenceFrom(PLAN, DIFF));
  }

  @Test
  void valuesInMessagesAreCutAndCleanedOfControlCharacters() {
    int at = stepOf("create_peer");
    String d =
        afterEdit(json -> action(json, at).getJsonObject("parameters").put("name", "\u001b[2J" + "x".repeat(500)))
            .orElseThrow();
    assertTrue(!d.contains("\u001b") && d.length() < 600, d);
  }
}
