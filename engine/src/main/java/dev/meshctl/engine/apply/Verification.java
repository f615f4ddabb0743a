package dev.meshctl.engine.apply;

import dev.meshctl.engine.diff.Change;
import java.time.Duration;
import java.util.List;
import java.util.SortedMap;

/**
 * What the live state looked like after apply, checked against the spec.
 *
 * @param remaining differences still there (empty when converged)
 * @param unreachableLinks peer links the spec wants that do not report reachable, as {@code
 *     controller["a"].peer[2]} addresses
 * @param unreadable controllers that could not be read, with the reason
 * @param waited how long verification polled for links to come up
 */
public record Verification(
    List<Change> remaining,
    List<String> unreachableLinks,
    SortedMap<String, String> unreadable,
    Duration waited) {

  public Verification {
    remaining = List.copyOf(remaining);
    unreachableLinks = List.copyOf(unreachableLinks);
  }

  /** No difference left, every controller read, every desired link reachable. */
  public boolean converged() {
    return remaining.isEmpty() && unreachableLinks.isEmpty() && unreadable.isEmpty();
  }
}
