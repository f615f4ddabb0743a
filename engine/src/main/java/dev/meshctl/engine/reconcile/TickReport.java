package dev.meshctl.engine.reconcile;

import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.engine.address.ResourceAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * Everything one tick saw and did, secret-free: what the log line, the metrics and the health
 * endpoint show.
 *
 * @param tick the tick's number, from 1
 * @param startedAt when it started
 * @param elapsed how long it took, lock release included
 * @param outcome how it ended
 * @param dryRun whether it only reported
 * @param spec what happened to the spec file
 * @param specProblems while the spec file is invalid, why (the last good spec was used)
 * @param lock what it did about the apply lock
 * @param lockDetail who holds the lock, or why it could not be taken; empty otherwise
 * @param reachable per controller, whether it was read this tick (false in backoff)
 * @param unreadable per unread controller, why
 * @param fresh controllers found factory-fresh (replaced): no license, no keyset
 * @param keysetSource the controller keysets were fetched from instead of the root, if any
 * @param driftFound differences found, by kind ({@code peer}, {@code route}, {@code keyset}...)
 * @param driftFoundAt the same differences by resource address, each with what it needs
 *     ({@code create}, {@code update}, {@code delete}, {@code replace}), so a dry run names them
 * @param driftRepaired differences repaired (every action on the resource succeeded), by kind
 * @param irreversible drift meshctl never repairs, reported every tick
 * @param actionsRun actions started
 * @param actionsFailed actions that failed (their dependents were skipped)
 * @param withheld actions held back because they touch a controller in backoff, unreadable or
 *     with irreversible drift, as labels
 * @param applyDuration how long the tick's actions ran, if any ran
 * @param remaining differences left after the tick's actions (among controllers read)
 * @param unreachableLinks peer links the spec wants that did not report reachable
 * @param backoffs the controllers in backoff after this tick
 * @param error an unexpected failure of the tick itself, if any
 */
public record TickReport(
    long tick,
    Instant startedAt,
    Duration elapsed,
    TickOutcome outcome,
    boolean dryRun,
    SpecUpdate.Status spec,
    List<Diagnostic> specProblems,
    LockStatus lock,
    Optional<String> lockDetail,
    SortedMap<String, Boolean> reachable,
    SortedMap<String, String> unreadable,
    SortedSet<String> fresh,
    Optional<String> keysetSource,
    SortedMap<String, Integer> driftFound,
    SortedMap<String, String> driftFoundAt,
    SortedMap<String, Integer> driftRepaired,
    List<Diagnostic> irreversible,
    int actionsRun,
    int actionsFailed,
    List<String> withheld,
    Optional<Duration> applyDuration,
    int remaining,
    List<String> unreachableLinks,
    SortedMap<String, ControllerBackoff> backoffs,
    Optional<String> error) {

  public TickReport {
    specProblems = List.copyOf(specProblems);
    irreversible = List.copyOf(irreversible);
    withheld = List.copyOf(withheld);
    unreachableLinks = List.copyOf(unreachableLinks);
  }

  /** Irreversible problems per controller (every controller of the spec, zero included). */
  public SortedMap<String, Integer> irreversibleByController() {
    SortedMap<String, Integer> out = new TreeMap<>();
    reachable.keySet().forEach(c -> out.put(c, 0));
    for (Diagnostic d : irreversible) {
      out.merge(controllerOf(d), 1, Integer::sum);
    }
    return out;
  }

  /** The controller a diff diagnostic is about, from its resource address. */
  static String controllerOf(Diagnostic d) {
    try {
      return ResourceAddress.parse(d.path()).controller();
    } catch (IllegalArgumentException e) {
      return d.path();
    }
  }
}
