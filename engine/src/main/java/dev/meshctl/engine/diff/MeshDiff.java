package dev.meshctl.engine.diff;

import dev.meshctl.dsl.diag.Diagnostic;
import java.util.List;
import java.util.SortedMap;

/**
 * Every difference between a spec and the live controllers, sorted by address.
 *
 * @param changes what must change to make the controllers match the spec
 * @param ignored what is left alone on purpose
 * @param problems irreversible differences meshctl refuses to fix: apply stops while any exists
 * @param unreadable controllers that could not be read, by name, with the reason; they are not
 *     diffed, and apply refuses while any exists
 * @param warnings changes that disrupt more than they seem to (a live controller's peer ID moves)
 *     and what the plan leaves behind (a controller no longer in the spec); they do not block
 */
public record MeshDiff(
    List<Change> changes,
    List<Ignored> ignored,
    List<Diagnostic> problems,
    SortedMap<String, String> unreadable,
    List<Diagnostic> warnings) {

  public MeshDiff(
      List<Change> changes, List<Ignored> ignored, List<Diagnostic> problems, SortedMap<String, String> unreadable) {
    this(changes, ignored, problems, unreadable, List.of());
  }

  public boolean hasChanges() {
    return !changes.isEmpty();
  }

  /** Whether anything stops apply: an irreversible problem or an unreadable controller. */
  public boolean blocked() {
    return !problems.isEmpty() || !unreadable.isEmpty();
  }

  /** Creates plus replaces (a replace adds one and deletes one), as Terraform counts. */
  public int toAdd() {
    return count(Action.CREATE) + count(Action.REPLACE);
  }

  public int toChange() {
    return count(Action.UPDATE);
  }

  public int toDelete() {
    return count(Action.DELETE) + count(Action.REPLACE);
  }

  private int count(Action a) {
    return (int) changes.stream().filter(c -> c.action() == a).count();
  }
}
