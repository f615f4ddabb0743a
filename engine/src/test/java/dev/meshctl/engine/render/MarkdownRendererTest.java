package dev.meshctl.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.meshctl.engine.desired.DesiredMesh;
import dev.meshctl.engine.desired.MeshExpander;
import dev.meshctl.engine.diff.MeshDiff;
import dev.meshctl.engine.diff.MeshDiffer;
import dev.meshctl.engine.diff.MeshFixtures;
import dev.meshctl.engine.live.MeshState;
import dev.meshctl.engine.plan.PlanBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden files for {@code plan --format markdown}; run with {@code -Dmeshctl.golden.update=true}
 * to rewrite them after an intended change, then review the diff.
 */
class MarkdownRendererTest {
  static final Path GOLDEN = Path.of("src/test/resources/dev/meshctl/engine/render/markdown");

  private final DesiredMesh mesh = MeshExpander.expand(MeshFixtures.spec(3));

  @Test
  void freshMeshListsEveryChangePerControllerWithCounts() throws IOException {
    MeshState fresh = MeshFixtures.fresh(mesh);
    String out = render(fresh);
    golden("fresh.md", out);
    assertFalse(out.contains("LICENSE-TEXT"), "license text redacted");
    assertFalse(out.contains("keyset-token"), "keyset token redacted");
  }

  @Test
  void blockingProblemsComeFirstAndUnchangedResourcesAreNotListed() throws IOException {
    MeshState state =
        MeshFixtures.unreadable(
            MeshFixtures.with(
                MeshFixtures.converged(mesh),
                MeshFixtures.name(2),
                s -> MeshFixtures.withRoutes(s, List.of(MeshFixtures.systemRoute()))),
            MeshFixtures.name(3),
            "connection refused");
    golden("drift.md", render(state));
  }

  @Test
  void noChangesSaysSo() throws IOException {
    golden("converged.md", render(MeshFixtures.converged(mesh)));
  }

  private String render(MeshState state) {
    MeshDiff diff = MeshDiffer.diff(mesh, state);
    return MarkdownRenderer.plan(PlanBuilder.build(mesh, diff, state), diff, "mesh.yaml");
  }

  private static void golden(String name, String actual) throws IOException {
    Path file = GOLDEN.resolve(name);
    if (Boolean.getBoolean("meshctl.golden.update") || !Files.exists(file)) {
      Files.writeString(file, actual);
    }
    assertEquals(Files.readString(file), actual, "golden file " + file + " (update: -Dmeshctl.golden.update=true)");
  }
}
