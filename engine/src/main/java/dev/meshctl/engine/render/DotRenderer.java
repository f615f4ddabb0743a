package dev.meshctl.engine.render;

import dev.meshctl.engine.plan.Plan;
import dev.meshctl.engine.plan.PlanAction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan graph in Graphviz DOT ({@code meshctl graph}): one cluster per controller, nodes in
 * plan order, edges from a prerequisite to what waits for it.
 */
public final class DotRenderer {
  private DotRenderer() {}

  public static String render(Plan plan) {
    Map<PlanAction, String> ids = new HashMap<>();
    Map<String, List<PlanAction>> clusters = new LinkedHashMap<>();
    for (PlanAction a : plan.order()) {
      ids.put(a, "a" + (ids.size() + 1));
    }
    plan.order().stream()
        .sorted(Comparator.comparing(PlanAction::controller))
        .forEach(a -> clusters.computeIfAbsent(a.controller(), k -> new ArrayList<>()).add(a));
    StringBuilder sb = new StringBuilder();
    sb.append("digraph plan {\n");
    sb.append("  rankdir=LR;\n");
    sb.append("  node [shape=box, fontname=\"Helvetica\", fontsize=10];\n");
    int n = 0;
    for (Map.Entry<String, List<PlanAction>> c : clusters.entrySet()) {
      sb.append("  subgraph cluster_").append(n++).append(" {\n");
      sb.append("    label=").append(quote(c.getKey())).append(";\n");
      for (PlanAction a : c.getValue()) {
        sb.append("    ")
            .append(ids.get(a))
            .append(" [label=")
            .append(quote(a.actionType().description() + "\n" + a.address()))
            .append("];\n");
      }
      sb.append("  }\n");
    }
    for (PlanAction a : plan.order()) {
      plan.dependencies(a).stream()
          .map(ids::get)
          .sorted(Comparator.comparingInt(DotRenderer::num))
          .forEach(from -> sb.append("  ").append(from).append(" -> ").append(ids.get(a)).append(";\n"));
    }
    sb.append("}\n");
    return sb.toString();
  }

  private static int num(String id) {
    return Integer.parseInt(id.substring(1));
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
