package dev.meshctl.cli.reconcile;

import dev.meshctl.engine.reconcile.ControllerBackoff;
import dev.meshctl.engine.reconcile.TickOutcome;
import dev.meshctl.engine.reconcile.TickReport;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What {@code /healthz} answers: 200 while the loop works (its last tick completed, recently),
 * 503 before the first tick ends, after a tick that failed unexpectedly, or when no tick ended
 * for {@code staleAfter} (a stuck loop). Drift does not make the loop unhealthy: it is what the
 * loop is for, and the body and the metrics say how the mesh is.
 *
 * @param status the HTTP status
 * @param body the details, as JSON
 */
public record Health(int status, JsonObject body) {

  public static Health of(Optional<TickReport> last, Optional<Instant> lastConvergence, Instant now, Duration staleAfter) {
    if (last.isEmpty()) {
      return new Health(503, new JsonObject().put("status", "starting"));
    }
    TickReport r = last.get();
    Instant ended = r.startedAt().plus(r.elapsed());
    boolean stale = Duration.between(ended, now).compareTo(staleAfter) > 0;
    boolean ok = r.outcome() != TickOutcome.ERROR && !stale;
    JsonObject controllers = new JsonObject();
    r.reachable()
        .forEach(
            (c, up) -> {
              JsonObject o = new JsonObject().put("reachable", up);
              Optional.ofNullable(r.backoffs().get(c))
                  .map(ControllerBackoff::delay)
                  .ifPresent(d -> o.put("backoff_seconds", d.toMillis() / 1000.0));
              o.put("irreversible_problems", r.irreversibleByController().getOrDefault(c, 0));
              controllers.put(c, o);
            });
    JsonObject body =
        new JsonObject()
            .put("status", ok ? "ok" : stale ? "stale" : "error")
            .put("tick", r.tick())
            .put("outcome", r.outcome().label())
            .put("converged", r.outcome().converged())
            .put("last_tick_at", ended.toString())
            .put("controllers", controllers);
    lastConvergence.ifPresent(t -> body.put("last_convergence_at", t.toString()));
    r.error().ifPresent(e -> body.put("error", e));
    return new Health(ok ? 200 : 503, body);
  }
}
