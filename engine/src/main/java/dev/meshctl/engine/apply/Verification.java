package dev.meshctl.engine.apply;

import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.diag.Diagnostics;
import dev.meshctl.engine.diff.Change;
import java.time.Duration;
import java.util.List;
import java.util.SortedMap;

/**
 * What the live state looked like after apply, checked against the spec.
 *
 * @param remaining differences still there (empty when converged)
 * @param problems irreversible differences {@code diff} reports too (a license accepted with
 *     other parameters): the same judgement, so apply never says "verified" where the next
 *     {@code diff} would object
 * @param unreachableLinks peer links the spec wants that do not report reachable, as {@code
 *     controller["a"].peer[2]} addresses
 * @param unreadable controllers that could not be read, with the reason
 * @param waited how long verification polled for links to come up
 */
public record Verification(
    List<Change> remaining,
    Diagnostics problems,
    List<String> unreachableLinks,
    SortedMap<String, String> unreadable,
    Duration waited) {

  public Verification {
    remaining = List.copyOf(remaining);
    unreachableLinks = List.copyOf(unreachableLinks);
  }

  public Verification(
      List<Change> remaining,
      List<Diagnostic> problems,
      List<String> unreachableLinks,
      SortedMap<String, String> unreadable,
      Duration waited) {
    this(remaining, Diagnostics.of(problems), unreachableLinks, unreadable, waited);
  }

  /** No difference or problem left, every controller read, every desired link reachable. */
  public boolean converged() {
    return remaining.isEmpty() && problems.isEmpty() && unreachableLinks.isEmpty() && unreadable.isEmpty();
  }
}
