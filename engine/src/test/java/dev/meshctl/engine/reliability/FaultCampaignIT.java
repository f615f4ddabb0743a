package dev.meshctl.engine.reliability;

import static dev.meshctl.engine.reliability.CampaignMesh.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

/**
 * The seeded fault campaign: {@code meshctl.campaign.runs} applies (200 by default) against three
 * simulated controllers with injected faults, each from a random starting state. Every run must
 * converge or fail with a report that names what failed and why, a fault-free apply after it must
 * converge, and no invariant may break. The larger run on demand:
 * {@code mvn -B -o test -pl engine -Dtest=FaultCampaignIT -Dmeshctl.campaign.runs=10000}.
 */
class FaultCampaignIT {
  private static final int RUNS = Integer.getInteger("meshctl.campaign.runs", 200);
  private static final long SEED = Long.getLong("meshctl.campaign.seed", 20261126L);
  private static final int PROGRESS_EVERY = 100;

  @Test
  void everyRunConvergesOrFailsCleanlyAndAFaultFreeApplyAlwaysConverges() throws Exception {
    Vertx vertx = Vertx.vertx();
    long started = System.nanoTime();
    FaultCampaign campaign;
    try (CampaignMesh mesh = CampaignMesh.start(vertx, 3, SEED)) {
      campaign = new FaultCampaign(mesh);
      for (int i = 0; i < RUNS; i++) {
        int seen = campaign.figures.violations.size();
        campaign.run(SEED + i);
        // Said at once, so that a long campaign stopped early still names what it found.
        campaign.figures.violations.subList(seen, campaign.figures.violations.size())
            .forEach(v -> System.out.println("  violation: " + v));
        // A long campaign says how far it got, so that one stopped early still gives figures.
        if ((i + 1) % PROGRESS_EVERY == 0 && i + 1 < RUNS) {
          System.out.println("so far: " + campaign.figures.summary(SEED, (System.nanoTime() - started) / 1_000_000));
        }
      }
    } finally {
      await(vertx.close());
    }
    CampaignFigures f = campaign.figures;
    System.out.println(f.summary(SEED, (System.nanoTime() - started) / 1_000_000));
    assertEquals(RUNS, f.runs);
    assertEquals(RUNS, f.converged + f.cleanFailures + f.applyViolations, "every run classified");
    assertEquals(0, f.violations.size(), () -> String.join("\n", f.violations));
    assertEquals(RUNS, f.faultFreeConverged, "the fault-free apply converged after every run");
  }
}
