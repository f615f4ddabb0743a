package dev.meshctl.engine.render;

import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.engine.address.ResourceAddress;
import dev.meshctl.engine.diff.Action;
import dev.meshctl.engine.diff.Change;
import dev.meshctl.engine.diff.FieldChange;
import dev.meshctl.engine.diff.Ignored;
import dev.meshctl.engine.diff.MeshDiff;
import dev.meshctl.engine.plan.Plan;
import dev.meshctl.engine.plan.PlanAction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The text people read: changes grouped per controller with {@code + ~ - -/+}, field by field,
 * then problems, then a closing count. Values come from changes and actions, which hold no
 * secret; secret fields show as {@code (sensitive)}.
 */
public final class HumanRenderer {
  private final Style style;

  public HumanRenderer(Style style) {
    this.style = style;
  }

  /** {@code meshctl diff}: what differs, field by field. */
  public String diff(MeshDiff diff) {
    StringBuilder sb = new StringBuilder();
    Map<String, List<Change>> changes = byController(diff.changes(), c -> c.address().controller());
    // System and learned routes are on every controller and nobody can touch them: one count line
    // instead of a line each keeps a converged diff readable. Unmanaged routes are listed one by one,
    // since someone added them and may want to adopt them.
    List<Ignored> systemRoutes =
        diff.ignored().stream().filter(Ignored::isSystemRoute).toList();
    Map<String, List<Ignored>> ignored =
        byController(
            diff.ignored().stream().filter(i -> !i.isSystemRoute()).toList(),
            i -> i.address().controller());
    SortedSet<String> controllers = new TreeSet<>(changes.keySet());
    controllers.addAll(ignored.keySet());
    for (String controller : controllers) {
      sb.append(style.bold(controllerHeading(controller))).append('\n');
      for (Change c : changes.getOrDefault(controller, List.of())) {
        sb.append("  ").append(style.symbol(c.action())).append(' ').append(c.address()).append('\n');
        fields(sb, c.fields());
      }
      for (Ignored i : ignored.getOrDefault(controller, List.of())) {
        sb.append(style.dim("  # " + i.address() + ": ignored: " + i.reason())).append('\n');
      }
      sb.append('\n');
    }
    trailer(sb, diff);
    if (!systemRoutes.isEmpty()) {
      long on = systemRoutes.stream().map(i -> i.address().controller()).distinct().count();
      sb.append(
              style.dim(
                  "# "
                      + systemRoutes.size()
                      + " system or learned routes on "
                      + on
                      + (on == 1 ? " controller" : " controllers")
                      + " left alone (not editable)."))
          .append('\n');
    }
    if (diff.hasChanges()) {
      sb.append(counts(diff)).append('\n');
      blocked(sb, diff);
    } else {
      sb.append(noChanges(diff)).append('\n');
    }
    return sb.toString();
  }

  /** {@code meshctl plan}: the actions per controller, each with its step and what it waits for. */
  public String plan(Plan plan, MeshDiff diff) {
    StringBuilder sb = new StringBuilder();
    Map<PlanAction, Integer> step = new HashMap<>();
    for (PlanAction a : plan.order()) {
      step.put(a, step.size() + 1);
    }
    Map<ResourceAddress, Change> diffChanges = new HashMap<>();
    for (Change c : diff.changes()) {
      diffChanges.putIfAbsent(c.address(), c);
    }
    Map<ResourceAddress, Action> diffActions = new HashMap<>();
    diffChanges.forEach((address, c) -> diffActions.put(address, c.action()));
    // A replace is two actions on one address; each half names the other so the order is stated.
    Map<ResourceAddress, List<PlanAction>> perAddress = new HashMap<>();
    for (PlanAction a : plan.order()) {
      perAddress.computeIfAbsent(a.address(), k -> new ArrayList<>()).add(a);
    }
    Set<ResourceAddress> fieldsShown = new HashSet<>();
    SortedMap<String, List<PlanAction>> perController = new TreeMap<>();
    for (PlanAction a : plan.order()) {
      perController.computeIfAbsent(a.controller(), k -> new ArrayList<>()).add(a);
    }
    for (Map.Entry<String, List<PlanAction>> e : perController.entrySet()) {
      sb.append(style.bold(controllerHeading(e.getKey()))).append('\n');
      for (PlanAction a : e.getValue()) {
        Change change = diffChanges.get(a.address());
        boolean replace = change != null && change.action() == Action.REPLACE;
        sb.append(String.format("  %4d. ", step.get(a)))
            .append(style.symbol(replace ? Action.REPLACE : ActionSymbols.of(a, diffActions)))
            .append(' ')
            .append(a.address())
            .append(": ")
            .append(a.actionType().description());
        if (replace) {
          sb.append(replaceOrder(a, perAddress.get(a.address()), step));
        }
        String after =
            plan.dependencies(a).stream()
                .map(step::get)
                .sorted()
                .map(String::valueOf)
                .collect(Collectors.joining(", "));
        if (!after.isEmpty()) {
          sb.append(style.dim(" (after " + after + ")"));
        }
        sb.append('\n');
        // Old values come from the diff: an update or a replace shows what it changes from, once
        // per resource, so "1400 -> 1500" reads the same in plan, diff and markdown.
        if (change != null
            && (change.action() == Action.UPDATE || replace)
            && fieldsShown.add(a.address())) {
          changedFields(sb, change.fields());
        }
        String params =
            a.parameters().entrySet().stream()
                .map(p -> p.getKey() + "=" + quoted(p.getValue()))
                .collect(Collectors.joining(" "));
        if (!params.isEmpty()) {
          sb.append("          ").append(style.dim(params)).append('\n');
        }
      }
      sb.append('\n');
    }
    trailer(sb, diff);
    if (plan.isEmpty()) {
      sb.append(noChanges(diff)).append('\n');
    } else {
      sb.append("Plan: ").append(PlanSummary.line(plan, diff)).append('\n');
      blocked(sb, diff);
    }
    return sb.toString();
  }

  /**
   * The closing line when nothing is to change. It never says the controllers match while apply
   * is blocked: problems block it, and unreadable controllers were not compared at all.
   */
  static String noChanges(MeshDiff diff) {
    int unread = diff.unreadable().size();
    String controllers = unread + (unread == 1 ? " controller" : " controllers");
    if (!diff.problems().isEmpty() && unread > 0) {
      return "Apply is blocked by the problems above, and "
          + controllers
          + " could not be read; nothing else differs on the others.";
    }
    if (!diff.problems().isEmpty()) {
      return "Apply is blocked by the problems above; nothing else differs.";
    }
    if (unread > 0) {
      return "Apply is blocked: " + controllers + " could not be read; nothing differs on the others.";
    }
    return "No changes: the controllers match the spec.";
  }

  /** Under the counts of changes that apply cannot make yet. */
  private void blocked(StringBuilder sb, MeshDiff diff) {
    if (diff.blocked()) {
      sb.append(style.red("Apply is blocked until the problems above are solved.")).append('\n');
    }
  }

  /** Unreadable controllers, irreversible problems and warnings, between the changes and the counts. */
  private void trailer(StringBuilder sb, MeshDiff diff) {
    // Warnings first: a moved peer ID or a controller left out of the spec disrupts more than the
    // list of actions above shows.
    if (!diff.warnings().isEmpty()) {
      sb.append(style.yellow(style.bold("Warnings:"))).append('\n');
      for (Diagnostic d : diff.warnings()) {
        sb.append("  ").append(style.yellow(d.format())).append('\n');
      }
      sb.append('\n');
    }
    for (Map.Entry<String, String> e : diff.unreadable().entrySet()) {
      sb.append(style.red(controllerHeading(e.getKey()) + ": cannot read: " + e.getValue()))
          .append('\n');
    }
    if (!diff.unreadable().isEmpty()) {
      sb.append('\n');
    }
    if (!diff.problems().isEmpty()) {
      sb.append(style.red(style.bold("Problems meshctl will not fix (apply refuses to run):")))
          .append('\n');
      for (Diagnostic d : diff.problems()) {
        sb.append("  ").append(style.red(d.format())).append('\n');
      }
      sb.append('\n');
    }
  }

  private void fields(StringBuilder sb, List<FieldChange> fields) {
    int width = fields.stream().mapToInt(f -> f.name().length()).max().orElse(0);
    for (FieldChange f : fields) {
      sb.append("      ").append(f.name()).append(" ".repeat(width - f.name().length())).append(" = ");
      if (f.before().isPresent() && f.after().isPresent()) {
        sb.append(f.before().get()).append(" -> ").append(f.after().get());
      } else {
        sb.append(f.after().or(f::before).orElse(""));
      }
      sb.append('\n');
    }
  }

  /**
   * States the order of a replace on both halves, from the steps themselves: meshctl deletes
   * first (a controller refuses a second route to the same destination), then creates.
   */
  private static String replaceOrder(
      PlanAction a, List<PlanAction> same, Map<PlanAction, Integer> step) {
    List<PlanAction> halves =
        same.stream().sorted(java.util.Comparator.comparing(step::get)).toList();
    if (halves.size() < 2) {
      return "";
    }
    String order =
        halves.stream()
            .map(h -> (ActionSymbols.of(h, Map.of()) == Action.DELETE ? "delete at " : "create at ")
                + step.get(h))
            .collect(Collectors.joining(", then "));
    return " (replace: " + order + ")";
  }

  /** Fields of an update or replace, with the old value where there is one. */
  private void changedFields(StringBuilder sb, List<FieldChange> fields) {
    int width = fields.stream().mapToInt(f -> f.name().length()).max().orElse(0);
    for (FieldChange f : fields) {
      sb.append("          ")
          .append(f.name())
          .append(" ".repeat(width - f.name().length()))
          .append(" = ");
      if (f.before().isPresent() && f.after().isPresent()) {
        sb.append(f.before().get()).append(" -> ").append(f.after().get());
      } else if (f.after().isPresent()) {
        sb.append("(none) -> ").append(f.after().get());
      } else {
        sb.append(f.before().orElse("")).append(" -> (none)");
      }
      sb.append('\n');
    }
  }

  private static String quoted(Object v) {
    String s = String.valueOf(v);
    return s.contains(" ") || s.isEmpty() ? "\"" + s.replace("\"", "\\\"") + "\"" : s;
  }

  static String counts(MeshDiff diff) {
    return PlanSummary.of(diff).toString();
  }

  private static String controllerHeading(String controller) {
    return ResourceAddress.controller(controller).toString();
  }

  private static <T> Map<String, List<T>> byController(
      List<T> items, Function<T, String> controller) {
    Map<String, List<T>> out = new HashMap<>();
    for (T t : items) {
      out.computeIfAbsent(controller.apply(t), k -> new ArrayList<>()).add(t);
    }
    return out;
  }
}
