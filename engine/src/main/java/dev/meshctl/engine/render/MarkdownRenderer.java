package dev.meshctl.engine.render;

import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.engine.diff.Action;
import dev.meshctl.engine.diff.Change;
import dev.meshctl.engine.diff.FieldChange;
import dev.meshctl.engine.diff.MeshDiff;
import dev.meshctl.engine.plan.Plan;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code meshctl plan --format markdown}: a compact summary for a pull-request comment. Blocking
 * problems first, then counts per action and per controller, then one line per change grouped by
 * controller in a {@code diff} block (so the forge colours additions and deletions). Unchanged
 * resources are not listed. Values come from changes, which never hold a secret: secret fields
 * read {@code (sensitive)}.
 */
public final class MarkdownRenderer {
  private static final List<Action> COLUMNS = List.of(Action.CREATE, Action.UPDATE, Action.DELETE, Action.REPLACE);

  private MarkdownRenderer() {}

  /** The summary of {@code plan}, computed from {@code diff}, for the spec named {@code subject}. */
  public static String plan(Plan plan, MeshDiff diff, String subject) {
    StringBuilder sb = new StringBuilder();
    sb.append("### meshctl plan: `").append(subject).append("`\n\n");
    blocking(sb, diff);
    if (!diff.hasChanges()) {
      sb.append(HumanRenderer.noChanges(diff)).append('\n');
      return sb.toString();
    }
    sb.append("**")
        .append(PlanSummary.of(diff).toString().replace(".", ""))
        .append("** in ")
        .append(plan.order().size())
        .append(plan.order().size() == 1 ? " action.\n\n" : " actions.\n\n");
    SortedMap<String, List<Change>> perController =
        new TreeMap<>(diff.changes().stream().collect(Collectors.groupingBy(c -> c.address().controller())));
    table(sb, perController);
    sb.append("\n```diff\n");
    perController.forEach(
        (controller, changes) -> {
          sb.append("# controller[\"").append(controller).append("\"]\n");
          changes.forEach(c -> sb.append(line(c)).append('\n'));
        });
    sb.append("```\n");
    return sb.toString();
  }

  private static void blocking(StringBuilder sb, MeshDiff diff) {
    if (!diff.blocked()) {
      return;
    }
    sb.append("> [!CAUTION]\n> **Apply will refuse to run until these are solved:**\n");
    diff.unreadable()
        .forEach((c, why) -> sb.append("> - `controller[\"").append(c).append("\"]`: cannot read: ").append(why).append('\n'));
    for (Diagnostic d : diff.problems()) {
      sb.append("> - ").append(d.format()).append('\n');
    }
    sb.append('\n');
  }

  private static void table(StringBuilder sb, SortedMap<String, List<Change>> perController) {
    sb.append("| Controller |");
    COLUMNS.forEach(a -> sb.append(' ').append(a.symbol()).append(" |"));
    sb.append("\n|:--|");
    COLUMNS.forEach(a -> sb.append("--:|"));
    sb.append('\n');
    Map<Action, Integer> total = new EnumMap<>(Action.class);
    perController.forEach(
        (controller, changes) -> {
          sb.append("| ").append(controller).append(" |");
          for (Action a : COLUMNS) {
            int n = (int) changes.stream().filter(c -> c.action() == a).count();
            total.merge(a, n, Integer::sum);
            sb.append(' ').append(n).append(" |");
          }
          sb.append('\n');
        });
    sb.append("| **total** |");
    COLUMNS.forEach(a -> sb.append(" **").append(total.getOrDefault(a, 0)).append("** |"));
    sb.append('\n');
  }

  /** E.g. {@code + controller["east-1a"].peer[2] (address=10.0.2.10, mtu=1500)}. */
  static String line(Change c) {
    String fields = c.fields().stream().map(f -> field(c.action(), f)).collect(Collectors.joining(", "));
    return c.action().symbol() + " " + c.address() + (fields.isEmpty() ? "" : " (" + fields + ")");
  }

  private static String field(Action action, FieldChange f) {
    if (action == Action.DELETE) {
      return f.name() + "=" + f.before().or(f::after).orElse("");
    }
    if (f.before().isPresent() && f.after().isPresent()) {
      return f.name() + ": " + f.before().get() + " -> " + f.after().get();
    }
    return f.name() + "=" + f.after().or(f::before).orElse("");
  }
}
