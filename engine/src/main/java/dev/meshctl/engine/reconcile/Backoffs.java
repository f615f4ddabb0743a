package dev.meshctl.engine.reconcile;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The backoff of every failing controller: an immutable value, replaced after each tick. A
 * controller absent here is healthy. Each controller has its own backoff, so one dead controller
 * never delays the others.
 */
public final class Backoffs {
  private final BackoffPolicy policy;
  private final SortedMap<String, ControllerBackoff> byController;

  private Backoffs(BackoffPolicy policy, SortedMap<String, ControllerBackoff> byController) {
    this.policy = policy;
    this.byController = Collections.unmodifiableSortedMap(byController);
  }

  /** No controller in backoff. */
  public static Backoffs none(BackoffPolicy policy) {
    return new Backoffs(policy, new TreeMap<>());
  }

  public BackoffPolicy policy() {
    return policy;
  }

  /** The failing controllers by name. */
  public SortedMap<String, ControllerBackoff> all() {
    return byController;
  }

  public Optional<ControllerBackoff> of(String controller) {
    return Optional.ofNullable(byController.get(controller));
  }

  /** Whether {@code controller} must not get a full attempt at {@code now}. */
  public boolean waiting(String controller, Instant now) {
    return of(controller).map(b -> b.waitingAt(now)).orElse(false);
  }

  /** One more failed attempt at {@code now}: the delay doubles, up to the cap. */
  public Backoffs failed(String controller, Instant now, String reason, boolean unreachable) {
    int failures = of(controller).map(ControllerBackoff::failures).orElse(0) + 1;
    java.time.Duration delay = policy.delay(failures);
    SortedMap<String, ControllerBackoff> next = new TreeMap<>(byController);
    next.put(controller, new ControllerBackoff(failures, delay, now.plus(delay), reason, unreachable));
    return new Backoffs(policy, next);
  }

  /** The controller answered and all its work succeeded: its backoff starts over. */
  public Backoffs recovered(String controller) {
    if (!byController.containsKey(controller)) {
      return this;
    }
    SortedMap<String, ControllerBackoff> next = new TreeMap<>(byController);
    next.remove(controller);
    return new Backoffs(policy, next);
  }

  /** Only the controllers still in the spec (a removed controller is forgotten). */
  public Backoffs retain(Collection<String> controllers) {
    SortedMap<String, ControllerBackoff> next = new TreeMap<>(byController);
    next.keySet().retainAll(controllers);
    return new Backoffs(policy, next);
  }
}
