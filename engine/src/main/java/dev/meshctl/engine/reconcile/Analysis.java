package dev.meshctl.engine.reconcile;

import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.engine.address.ResourceKind;
import dev.meshctl.engine.desired.DesiredMesh;
import dev.meshctl.engine.diff.Change;
import dev.meshctl.engine.diff.MeshDiff;
import dev.meshctl.engine.live.ControllerState;
import dev.meshctl.engine.live.MeshState;
import dev.meshctl.engine.pipeline.Judgement;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One read of the live mesh judged against the spec: what differs, what of it may be repaired,
 * and what must be left alone. Pure.
 *
 * @param judgement the judgement every command makes of this read: desired mesh (with keysets
 *     rerouted if the root cannot give one), diff and full plan
 * @param repairable the part of the plan that touches no untouchable controller
 * @param untouchable controllers not to act on: unread (unreachable or in backoff) or with
 *     irreversible drift
 * @param fresh controllers found factory-fresh: unlicensed and without a keyset
 */
public record Analysis(
    Judgement judgement,
    RepairablePlan repairable,
    Set<String> untouchable,
    SortedSet<String> fresh) {

  /** The label drift of a factory-fresh controller is counted under. */
  public static final String FRESH_KIND = "controller";

  public static Analysis of(DesiredMesh spec, MeshState live) {
    return of(Judgement.of(spec, live), live);
  }

  /** The loop's view of the {@link Judgement} every command makes of the same read. */
  public static Analysis of(Judgement judged, MeshState live) {
    MeshDiff diff = judged.diff();
    Set<String> untouchable = new HashSet<>(diff.unreadable().keySet());
    for (Diagnostic d : diff.problems()) {
      untouchable.add(TickReport.controllerOf(d));
    }
    SortedSet<String> fresh = new TreeSet<>();
    for (String name : judged.desired().controllers().keySet()) {
      live.observed(name).filter(Analysis::factoryFresh).ifPresent(s -> fresh.add(name));
    }
    return new Analysis(
        judged,
        RepairablePlan.of(judged.plan(), untouchable),
        Set.copyOf(untouchable),
        fresh);
  }

  /** The spec's desired mesh, with keysets rerouted if the root cannot give one. */
  public DesiredMesh desired() {
    return judgement.desired();
  }

  /** The controller keysets come from instead of the root, if any. */
  public Optional<String> keysetSource() {
    return judgement.keysetSource();
  }

  /** Every difference. */
  public MeshDiff diff() {
    return judgement.diff();
  }

  /** Differences that may be repaired, by kind label; fresh controllers count as {@value #FRESH_KIND}. */
  public SortedMap<String, Integer> driftByKind() {
    SortedMap<String, Integer> out = new TreeMap<>();
    for (Change c : diff().changes()) {
      if (!untouchable.contains(c.address().controller())) {
        out.merge(kindLabel(c.address().kind()), 1, Integer::sum);
      }
    }
    fresh.forEach(f -> out.merge(FRESH_KIND, 1, Integer::sum));
    return out;
  }

  /** The same differences by address, each with its action ({@code create}, {@code replace}...). */
  public SortedMap<String, String> driftByAddress() {
    SortedMap<String, String> out = new TreeMap<>();
    for (Change c : diff().changes()) {
      if (!untouchable.contains(c.address().controller())) {
        out.put(c.address().toString(), c.action().jsonName());
      }
    }
    return out;
  }

  static String kindLabel(ResourceKind kind) {
    return kind == ResourceKind.CONTROLLER ? FRESH_KIND : kind.label();
  }

  private static boolean factoryFresh(ControllerState s) {
    return !s.config().licensed()
        && !s.license().present()
        && !s.keyset().present()
        && !s.keyset().inProgress();
  }
}
