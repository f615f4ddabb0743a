package dev.meshctl.dsl.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.schema.Suggestions;
import dev.meshctl.dsl.yaml.SpecPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Peering: links name existing, distinct controllers and appear once; explicit mode has links and
 * leaves no controller alone; every controller has the address its peers are told to use.
 */
final class PeeringChecks {
  private PeeringChecks() {}

  static List<Diagnostic> check(CheckContext ctx) {
    List<Diagnostic> out = new ArrayList<>();
    Set<String> names = new TreeSet<>();
    ctx.controllerNames().stream().filter(Objects::nonNull).forEach(names::add);
    Set<String> linked = new HashSet<>();
    Map<String, String> pairs = new HashMap<>();
    JsonNode links = ctx.at("peering.links");
    int count = links.isArray() ? links.size() : 0;
    for (int k = 0; k < count; k++) {
      String link = SpecPath.index("peering.links", k);
      String between = SpecPath.key(link, "between");
      String a = ctx.text(SpecPath.index(between, 0)).orElse(null);
      String b = ctx.text(SpecPath.index(between, 1)).orElse(null);
      boolean known = known(ctx, out, names, a, SpecPath.index(between, 0));
      known &= known(ctx, out, names, b, SpecPath.index(between, 1));
      if (!known || a == null || b == null) {
        continue;
      }
      if (a.equals(b)) {
        out.add(ctx.error("a link must join two different controllers, not '" + a + "' with itself", between));
        continue;
      }
      String key = a.compareTo(b) < 0 ? a + "\u0000" + b : b + "\u0000" + a;
      String first = pairs.putIfAbsent(key, link);
      if (first != null) {
        out.add(ctx.error("the link between '" + a + "' and '" + b + "' is already given by " + first, between));
      }
      linked.add(a);
      linked.add(b);
    }
    if ("explicit".equals(ctx.text("peering.mode").orElse(""))) {
      if (count == 0) {
        out.add(
            ctx.error("peering mode is explicit but no links are given", "peering.mode")
                .withHint("add peering.links or use mode: full_mesh"));
      } else {
        List<String> paths = ctx.controllerPaths();
        List<String> all = ctx.controllerNames();
        for (int i = 0; i < all.size(); i++) {
          if (all.get(i) != null && !linked.contains(all.get(i)) && all.size() > 1) {
            out.add(ctx.warning("controller '" + all.get(i) + "' has no peer links", paths.get(i)));
          }
        }
      }
    }
    addresses(ctx, out);
    return out;
  }

  private static boolean known(CheckContext ctx, List<Diagnostic> out, Set<String> names, String name, String path) {
    if (name == null || names.contains(name)) {
      return true;
    }
    Diagnostic d = ctx.error("link names no controller: '" + name + "'", path);
    out.add(Suggestions.didYouMean(name, names).map(d::withHint).orElse(d));
    return false;
  }

  private static void addresses(CheckContext ctx, List<Diagnostic> out) {
    String address = ctx.text("peering.address").orElse("private_ip");
    if (!address.equals("public_ip") && !address.equals("dns_name")) {
      return;
    }
    for (String c : ctx.controllerPaths()) {
      if (ctx.at(c).isObject() && ctx.at(SpecPath.key(c, address)).isMissingNode()) {
        String name = ctx.text(SpecPath.key(c, "name")).orElse(c);
        out.add(
            ctx.error("controller '" + name + "' has no " + address + ", which peering.address needs", c)
                .withHint("add " + address + " to it or choose another peering.address"));
      }
    }
  }
}
