package dev.meshctl.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.engine.desired.DesiredMesh;
import dev.meshctl.engine.desired.MeshExpander;
import dev.meshctl.engine.diff.MeshDiffer;
import dev.meshctl.engine.diff.MeshFixtures;
import dev.meshctl.engine.live.MeshState;
import dev.meshctl.engine.plan.Plan;
import dev.meshctl.engine.plan.PlanBuilder;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The diff's JSON and the plan's DOT graph (the plan's JSON is planfile.PlanFileTest's). */
class DiffJsonAndDotTest {
  @Test
  void diffJsonIsVersionedAndRedactsSecrets() {
    DesiredMesh mesh = MeshExpander.expand(MeshFixtures.spec(2));
    JsonObject json = JsonRenderer.diff(MeshDiffer.diff(mesh, MeshFixtures.fresh(mesh)));
    assertEquals(1, json.getInteger("format_version"));
    assertEquals("diff", json.getString("kind"));
    JsonObject license = json.getJsonArray("changes").getJsonObject(0);
    assertEquals("controller[\"ctl-01\"].license", license.getString("address"));
    assertEquals("create", license.getString("action"));
    assertEquals("(sensitive)", license.getJsonArray("fields").getJsonObject(0).getString("after"));
    assertEquals(13, json.getJsonObject("summary").getInteger("add"));
  }

  @Test
  void dotHasOneNodePerActionAndOneEdgePerDependency() {
    DesiredMesh mesh = MeshExpander.expand(MeshFixtures.spec(2));
    MeshState fresh = MeshFixtures.fresh(mesh);
    Plan plan = PlanBuilder.build(mesh, MeshDiffer.diff(mesh, fresh), fresh);
    String dot = DotRenderer.render(plan);
    assertTrue(dot.startsWith("digraph plan {\n"));
    assertEquals(plan.order().size(), dot.split("\\[label=", -1).length - 1);
    assertEquals(plan.graph().edgeSet().size(), dot.split(" -> ", -1).length - 1);
    assertTrue(dot.contains("  a1 -> a2;\n"), dot);
  }
}
