package dev.meshctl.cli.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.engine.reconcile.TickReport;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricsAndHealthTest {
  @Test
  void ticksBecomePrometheusMetrics() {
    ReconcileMetrics m = new ReconcileMetrics();
    m.tick(Reports.drifting(1));
    m.tick(Reports.drifting(2));
    String text = m.scrape();
    assertTrue(text.contains("meshctl_reconcile_ticks_total{outcome=\"drifting\"} 2.0"), text);
    assertTrue(text.contains("meshctl_drift_found_total{kind=\"peer\"} 4.0"), text);
    assertTrue(text.contains("meshctl_drift_repaired_total{kind=\"peer\"} 4.0"), text);
    assertTrue(text.contains("meshctl_irreversible_problems{controller=\"ctl2\"} 1.0"), text);
    assertTrue(text.contains("meshctl_irreversible_problems{controller=\"ctl1\"} 0.0"), text);
    assertTrue(text.contains("meshctl_controller_reachable{controller=\"ctl3\"} 0.0"), text);
    assertTrue(text.contains("meshctl_controller_backoff_seconds{controller=\"ctl3\"} 120.0"), text);
    assertTrue(text.contains("meshctl_apply_duration_seconds_count 2"), text);
    assertTrue(text.contains("meshctl_last_convergence_timestamp_seconds 0.0"), "never converged yet: " + text);
    assertEquals(Optional.empty(), m.lastConvergence());

    Instant at = Instant.parse("2026-01-01T11:00:00Z");
    m.tick(Reports.inSync(3, at));
    text = m.scrape();
    assertTrue(text.contains("meshctl_controller_reachable{controller=\"ctl3\"} 1.0"), text);
    assertTrue(text.contains("meshctl_controller_backoff_seconds{controller=\"ctl3\"} 0.0"), text);
    double expected = at.plusMillis(200).toEpochMilli() / 1000.0;
    assertTrue(text.contains("meshctl_last_convergence_timestamp_seconds " + expected), text);
  }

  @Test
  void healthIsUpOnceATickCompletedAndDownWhenTheLoopIsStuck() {
    Duration stale = Duration.ofMinutes(5);
    assertEquals(503, Health.of(Optional.empty(), Optional.empty(), Reports.STARTED, stale).status());

    TickReport drifting = Reports.drifting(4);
    Health h = Health.of(Optional.of(drifting), Optional.empty(), Reports.STARTED.plusSeconds(10), stale);
    assertEquals(200, h.status(), "drift is the loop's work, not a fault of the loop");
    assertEquals("drifting", h.body().getString("outcome"));
    assertEquals(false, h.body().getJsonObject("controllers").getJsonObject("ctl3").getBoolean("reachable"));
    assertEquals(120.0, h.body().getJsonObject("controllers").getJsonObject("ctl3").getDouble("backoff_seconds"));
    assertEquals(1, h.body().getJsonObject("controllers").getJsonObject("ctl2").getInteger("irreversible_problems"));

    Health stuck = Health.of(Optional.of(drifting), Optional.empty(), Reports.STARTED.plus(Duration.ofMinutes(10)), stale);
    assertEquals(503, stuck.status());
    assertEquals("stale", stuck.body().getString("status"));
  }

  @Test
  void listenAddressesAreHostAndPort() {
    assertEquals(Optional.of(new MetricsServer.Address("127.0.0.1", 9464)), MetricsServer.Address.parse("127.0.0.1:9464"));
    assertEquals(Optional.of(new MetricsServer.Address("::1", 9464)), MetricsServer.Address.parse("[::1]:9464"));
    assertEquals(Optional.empty(), MetricsServer.Address.parse("9464"));
    assertEquals(Optional.empty(), MetricsServer.Address.parse("host:99999"));
  }
}
