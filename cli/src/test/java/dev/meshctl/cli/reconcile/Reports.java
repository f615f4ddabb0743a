package dev.meshctl.cli.reconcile;

import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.diag.Severity;
import dev.meshctl.engine.reconcile.ControllerBackoff;
import dev.meshctl.engine.reconcile.LockStatus;
import dev.meshctl.engine.reconcile.SpecUpdate;
import dev.meshctl.engine.reconcile.TickOutcome;
import dev.meshctl.engine.reconcile.TickReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** Tick reports for tests: a mesh of ctl1..ctl3 where ctl3 is down and ctl2 has irreversible drift. */
final class Reports {
  static final Instant STARTED = Instant.parse("2026-01-01T10:00:00Z");

  private Reports() {}

  static TickReport drifting(long tick) {
    TreeMap<String, Boolean> reachable = new TreeMap<>();
    reachable.put("ctl1", true);
    reachable.put("ctl2", true);
    reachable.put("ctl3", false);
    TreeMap<String, String> unreadable = new TreeMap<>();
    unreadable.put("ctl3", "GET /config: connection refused");
    TreeMap<String, Integer> found = new TreeMap<>();
    found.put("peer", 2);
    found.put("route", 1);
    TreeMap<String, String> foundAt = new TreeMap<>();
    foundAt.put("controller[\"ctl1\"].peer[2]", "create");
    foundAt.put("controller[\"ctl2\"].peer[1]", "update");
    foundAt.put("controller[\"ctl2\"].route[\"10.0.1.10/32\"]", "replace");
    TreeMap<String, Integer> repaired = new TreeMap<>();
    repaired.put("peer", 2);
    TreeMap<String, ControllerBackoff> backoffs = new TreeMap<>();
    backoffs.put("ctl3", new ControllerBackoff(3, Duration.ofSeconds(120), STARTED.plusSeconds(120), "GET /config: connection refused", true));
    Diagnostic irreversible =
        new Diagnostic(Severity.ERROR, "its keyset differs from the root's", Optional.empty(), "controller[\"ctl2\"].keyset", Optional.of("replace the controller"));
    return new TickReport(
        tick, STARTED, Duration.ofMillis(1500), TickOutcome.DRIFTING, false, SpecUpdate.Status.UNCHANGED, List.of(),
        LockStatus.HELD, Optional.empty(), reachable, unreadable, new TreeSet<>(), Optional.empty(), found, foundAt, repaired,
        List.of(irreversible), 2, 0, List.of("controller[\"ctl2\"].peer_id (set_peer_id)"), Optional.of(Duration.ofMillis(800)), 1,
        List.of("controller[\"ctl1\"].peer[3]"), backoffs, Optional.empty());
  }

  static TickReport inSync(long tick, Instant started) {
    TreeMap<String, Boolean> reachable = new TreeMap<>();
    List.of("ctl1", "ctl2", "ctl3").forEach(c -> reachable.put(c, true));
    return new TickReport(
        tick, started, Duration.ofMillis(200), TickOutcome.IN_SYNC, false, SpecUpdate.Status.UNCHANGED, List.of(),
        LockStatus.NOT_NEEDED, Optional.empty(), reachable, new TreeMap<>(), new TreeSet<>(), Optional.empty(), new TreeMap<>(),
        new TreeMap<>(), new TreeMap<>(), List.of(), 0, 0, List.of(), Optional.empty(), 0, List.of(), new TreeMap<>(), Optional.empty());
  }
}
