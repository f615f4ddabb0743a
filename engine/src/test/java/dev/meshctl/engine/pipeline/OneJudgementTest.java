package dev.meshctl.engine.pipeline;

import static dev.meshctl.engine.diff.MeshFixtures.converged;
import static dev.meshctl.engine.diff.MeshFixtures.fresh;
import static dev.meshctl.engine.diff.MeshFixtures.freshController;
import static dev.meshctl.engine.diff.MeshFixtures.spec;
import static dev.meshctl.engine.diff.MeshFixtures.unreadable;
import static dev.meshctl.engine.diff.MeshFixtures.with;
import static dev.meshctl.engine.diff.MeshFixtures.withPeers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.engine.apply.Verification;
import dev.meshctl.engine.apply.Verifier;
import dev.meshctl.engine.desired.DesiredMesh;
import dev.meshctl.engine.desired.MeshExpander;
import dev.meshctl.engine.live.MeshState;
import dev.meshctl.engine.reconcile.Analysis;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * diff, apply's verification and a reconcile tick judge a read alike: verification finds no
 * difference exactly when {@code diff} says "No changes", and reconcile finds the same
 * differences, over reads that cover each way a mesh drifts.
 */
class OneJudgementTest {
  private final MeshSpec spec = spec(4);
  private final DesiredMesh mesh = MeshExpander.expand(spec);

  private Map<String, MeshState> reads() {
    Map<String, MeshState> reads = new LinkedHashMap<>();
    reads.put("converged", converged(mesh));
    reads.put("fresh", fresh(mesh));
    reads.put("root wiped", with(converged(mesh), mesh.root(), c -> freshController(mesh.controller(mesh.root()).orElseThrow())));
    reads.put("controller wiped", with(converged(mesh), "ctl-03", c -> freshController(mesh.controller("ctl-03").orElseThrow())));
    reads.put("peers deleted", with(converged(mesh), "ctl-02", c -> withPeers(c, new TreeMap<>())));
    reads.put("unreadable", unreadable(converged(mesh), "ctl-04", "connection refused"));
    return reads;
  }

  @Test
  void verificationFindsNothingExactlyWhenDiffSaysNoChanges() {
    reads().forEach((name, live) -> {
      Judgement j = Judgement.of(spec, live);
      Verification v = Verifier.check(j, live, Duration.ZERO);
      boolean nothingLeft = v.remaining().isEmpty() && v.problems().isEmpty() && v.unreadable().isEmpty();
      assertEquals(j.inSync(), nothingLeft, name);
      assertEquals(j.diff().changes(), v.remaining(), name);
      assertEquals(dev.meshctl.dsl.diag.Diagnostics.of(j.diff().problems()), v.problems(), name);
      Analysis tick = Analysis.of(MeshExpander.expand(spec, live), live);
      assertEquals(j.diff(), tick.diff(), name + ": reconcile judges the read as diff does");
    });
  }

  @Test
  void aWipedRootIsRepairedNotRefused() {
    MeshState live = reads().get("root wiped");
    Judgement j = Judgement.of(spec, live);
    assertTrue(j.keysetSource().isPresent(), "a controller that holds the keyset stands in for the root");
    assertTrue(j.plan().blocking().isEmpty(), () -> j.plan().blocking().toString());
    assertFalse(j.diff().blocked());
    assertTrue(j.diff().hasChanges());
  }
}
