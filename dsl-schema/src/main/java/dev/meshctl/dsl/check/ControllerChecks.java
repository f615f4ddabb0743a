package dev.meshctl.dsl.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.model.Endpoint;
import dev.meshctl.dsl.schema.Suggestions;
import dev.meshctl.dsl.yaml.SpecPath;
import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The controllers' own values and how they relate: address syntax, private IP inside its subnet,
 * unique names, endpoints, private IPs and peer IDs, peer IDs in range, the root, and subnets that
 * overlap.
 */
final class ControllerChecks {
  private ControllerChecks() {}

  static List<Diagnostic> check(CheckContext ctx) {
    List<Diagnostic> out = new ArrayList<>();
    List<String> controllers = ctx.controllerPaths();
    Map<String, String> names = new HashMap<>();
    Map<String, String> endpoints = new HashMap<>();
    Map<String, String> privateIps = new HashMap<>();
    List<Subnet> subnets = new ArrayList<>();
    for (String c : controllers) {
      String name = SpecPath.key(c, "name");
      ctx.text(name).ifPresent(n -> unique(ctx, out, names, n, name, "controller name '" + n + "'"));
      String endpoint = SpecPath.key(c, "endpoint");
      ctx.text(endpoint)
          .ifPresent(
              e -> {
                Optional<Endpoint> parsed = Endpoint.parse(e);
                if (parsed.isEmpty()) {
                  out.add(
                      ctx.error("'endpoint' '" + e + "' is not an endpoint", endpoint)
                          .withHint("write " + Endpoint.FORMS));
                } else {
                  unique(ctx, out, endpoints, parsed.get().toString(), endpoint, "endpoint " + parsed.get());
                }
              });
      String privateIp = SpecPath.key(c, "private_ip");
      Optional<IPAddress> ip = ip(ctx, out, privateIp);
      ip.ifPresent(a -> unique(ctx, out, privateIps, a.toCanonicalString(), privateIp, "private IP " + a));
      String subnetPath = SpecPath.key(c, "subnet");
      Optional<IPAddress> subnet = cidr(ctx, out, subnetPath);
      subnet.ifPresent(s -> subnets.add(new Subnet(c, subnetPath, s)));
      if (ip.isPresent() && subnet.isPresent() && !Addresses.contains(subnet.get(), ip.get())) {
        out.add(
            ctx.error(
                "private IP " + ip.get() + " is outside the controller's subnet " + subnet.get(), privateIp));
      }
      ip(ctx, out, SpecPath.key(c, "public_ip"));
      routes(ctx, out, c);
    }
    overlaps(ctx, out, subnets);
    peerIds(ctx, out, controllers);
    root(ctx, out);
    return out;
  }

  private static void unique(
      CheckContext ctx, List<Diagnostic> out, Map<String, String> seen, String value, String path, String what) {
    String first = seen.putIfAbsent(value, path);
    if (first != null) {
      out.add(ctx.error(what + " is already used by " + owner(first), path));
    }
  }

  /** {@code controllers[0]} for {@code controllers[0].name}. */
  private static String owner(String path) {
    int dot = path.indexOf('.');
    return dot < 0 ? path : path.substring(0, dot);
  }

  private static void routes(CheckContext ctx, List<Diagnostic> out, String controller) {
    String routes = SpecPath.key(controller, "routes");
    int n = ctx.at(routes).isArray() ? ctx.at(routes).size() : 0;
    for (int j = 0; j < n; j++) {
      String route = SpecPath.index(routes, j);
      cidr(ctx, out, SpecPath.key(route, "cidr"));
      ip(ctx, out, SpecPath.key(route, "gateway"));
    }
  }

  static Optional<IPAddress> ip(CheckContext ctx, List<Diagnostic> out, String path) {
    Optional<String> text = ctx.text(path);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<IPAddress> ip = Addresses.ip(text.get());
    if (ip.isEmpty()) {
      Diagnostic d = ctx.error("'" + SpecPath.leaf(path) + "' " + text.get() + " is not a valid IP address", path);
      out.add(Addresses.cidr(text.get()).isPresent() ? d.withHint("write the address without a prefix length") : d);
    }
    return ip;
  }

  static Optional<IPAddress> cidr(CheckContext ctx, List<Diagnostic> out, String path) {
    Optional<String> text = ctx.text(path);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<IPAddress> block = Addresses.cidr(text.get());
    String key = "'" + SpecPath.leaf(path) + "' " + text.get();
    if (block.isEmpty()) {
      Diagnostic d = ctx.error(key + " is not a valid CIDR block", path);
      out.add(
          Addresses.ip(text.get()).isPresent()
              ? d.withHint("add a prefix length, e.g. " + text.get().strip() + "/24")
              : d);
      return Optional.empty();
    }
    if (Addresses.hasHostBits(block.get())) {
      out.add(
          ctx.error(key + " has host bits set", path)
              .withHint("did you mean " + Addresses.network(block.get()) + "?"));
      return Optional.empty();
    }
    return block;
  }

  private record Subnet(String controller, String path, IPAddress block) {}

  // Pairwise is fine: a mesh has at most a few hundred controllers.
  private static void overlaps(CheckContext ctx, List<Diagnostic> out, List<Subnet> subnets) {
    for (int i = 0; i < subnets.size(); i++) {
      for (int j = 0; j < i; j++) {
        Subnet a = subnets.get(j);
        Subnet b = subnets.get(i);
        if (Addresses.overlap(a.block(), b.block())) {
          out.add(
              ctx.error(
                  "subnet " + b.block() + " overlaps subnet " + a.block() + " of " + a.controller(), b.path()));
        }
      }
    }
  }

  /**
   * Explicit peer IDs must be unique. Their upper bound is the license's controller count, which
   * only a controller knows: the plan checks it against the live license, not the spec's length.
   * The root need not be 1: VNS3 bounds an ID only by the topology (vns3-api-6.0.0.openapi.yaml,
   * PeerSelfRequest), and the vendor SDK's {@code set_peer_ids} takes any IDs.
   */
  private static void peerIds(CheckContext ctx, List<Diagnostic> out, List<String> controllers) {
    Map<Integer, String> seen = new HashMap<>();
    for (String c : controllers) {
      String path = SpecPath.key(c, "peer_id");
      JsonNode id = ctx.at(path);
      if (!id.isIntegralNumber() || !id.canConvertToInt()) {
        continue;
      }
      String first = seen.putIfAbsent(id.asInt(), c);
      if (first != null) {
        out.add(ctx.error("peer ID " + id.asInt() + " is already used by " + first, path));
      }
    }
  }

  private static void root(CheckContext ctx, List<Diagnostic> out) {
    Optional<String> root = ctx.text("root");
    List<String> names = ctx.controllerNames().stream().filter(Objects::nonNull).toList();
    if (root.isPresent() && !names.contains(root.get())) {
      Diagnostic d = ctx.error("root names no controller: '" + root.get() + "'", "root");
      out.add(Suggestions.didYouMean(root.get(), names).map(d::withHint).orElse(d));
    }
  }
}
