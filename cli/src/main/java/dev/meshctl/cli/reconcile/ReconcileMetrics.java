package dev.meshctl.cli.reconcile;

import dev.meshctl.engine.reconcile.ControllerBackoff;
import dev.meshctl.engine.reconcile.ReconcileListener;
import dev.meshctl.engine.reconcile.TickReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The loop's Prometheus metrics, updated at the end of every tick:
 *
 * <pre>
 * meshctl_reconcile_ticks_total{outcome}          ticks, by how they ended
 * meshctl_drift_found_total{kind}                 differences found (peer, route, keyset, controller...)
 * meshctl_drift_repaired_total{kind}              differences repaired
 * meshctl_irreversible_problems{controller}       irreversible problems seen at the last tick
 * meshctl_controller_reachable{controller}        1 if read at the last tick, else 0
 * meshctl_controller_backoff_seconds{controller}  current backoff, 0 when healthy
 * meshctl_apply_duration_seconds                  how long each tick's actions ran
 * meshctl_last_convergence_timestamp_seconds      when the mesh last equalled the spec (Unix time)
 * </pre>
 */
public final class ReconcileMetrics implements ReconcileListener {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  // Gauges hold their values weakly: these maps keep them alive.
  private final Map<String, AtomicLong> reachable = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> irreversible = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> backoffMillis = new ConcurrentHashMap<>();
  private final AtomicLong lastConvergenceMillis = new AtomicLong();
  private final AtomicReference<Optional<Instant>> lastConvergence = new AtomicReference<>(Optional.empty());
  private final Timer applyDuration;

  public ReconcileMetrics() {
    applyDuration =
        Timer.builder("meshctl.apply.duration")
            .description("How long each tick's repair actions ran")
            .register(registry);
    Gauge.builder("meshctl.last.convergence.timestamp.seconds", lastConvergenceMillis, m -> m.get() / 1000.0)
        .description("When the live mesh last equalled the spec, in seconds since the Unix epoch (0: never)")
        .register(registry);
  }

  @Override
  public void tick(TickReport r) {
    Counter.builder("meshctl.reconcile.ticks")
        .description("Reconciliation ticks, by outcome")
        .tags("outcome", r.outcome().label())
        .register(registry)
        .increment();
    r.driftFound().forEach((kind, n) -> drift("meshctl.drift.found", "Differences found", kind, n));
    r.driftRepaired().forEach((kind, n) -> drift("meshctl.drift.repaired", "Differences repaired", kind, n));
    r.reachable().forEach((c, up) -> gauge(reachable, "meshctl.controller.reachable", "Whether the controller was read at the last tick", c, 1.0).set(up ? 1 : 0));
    r.irreversibleByController().forEach((c, n) -> gauge(irreversible, "meshctl.irreversible.problems", "Irreversible problems found at the last tick", c, 1.0).set(n));
    r.reachable().keySet().forEach(c -> {
      long ms = Optional.ofNullable(r.backoffs().get(c)).map(ControllerBackoff::delay).map(d -> d.toMillis()).orElse(0L);
      gauge(backoffMillis, "meshctl.controller.backoff.seconds", "The controller's current backoff (0: healthy)", c, 1000.0).set(ms);
    });
    r.applyDuration().ifPresent(applyDuration::record);
    if (r.outcome().converged()) {
      Instant at = r.startedAt().plus(r.elapsed());
      lastConvergenceMillis.set(at.toEpochMilli());
      lastConvergence.set(Optional.of(at));
    }
  }

  /** When the mesh last converged, if it did since the loop started. */
  public Optional<Instant> lastConvergence() {
    return lastConvergence.get();
  }

  /** The metrics in the Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }

  private void drift(String name, String description, String kind, int n) {
    Counter.builder(name).description(description).tags("kind", kind).register(registry).increment(n);
  }

  /** The value behind a per-controller gauge, registered on first use; {@code scale} divides it. */
  private AtomicLong gauge(Map<String, AtomicLong> values, String name, String description, String controller, double scale) {
    return values.computeIfAbsent(
        controller,
        c -> {
          AtomicLong v = new AtomicLong();
          Gauge.builder(name, v, x -> x.get() / scale)
              .description(description)
              .tags(Tags.of("controller", c))
              .register(registry);
          return v;
        });
  }
}
