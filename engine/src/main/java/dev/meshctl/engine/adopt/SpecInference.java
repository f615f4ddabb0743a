package dev.meshctl.engine.adopt;

import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.format.FormatResult;
import dev.meshctl.dsl.format.SpecFormatter;
import dev.meshctl.dsl.model.LicenseParameters;
import dev.meshctl.dsl.model.PeeringSpec;
import dev.meshctl.engine.desired.RouteIdentity;
import dev.meshctl.engine.desired.RouteMarker;
import dev.meshctl.engine.live.ControllerObservation;
import dev.meshctl.engine.live.ControllerState;
import dev.meshctl.engine.live.LiveRoute;
import dev.meshctl.engine.live.MeshState;
import dev.meshctl.engine.live.PeerLink;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Infers a complete mesh.yaml from what running controllers report: the inverse of expanding a
 * spec. Applied back, the spec asks for no change; so an import of part of a mesh (a controller
 * linked to one not imported) is refused, since no spec could keep those links. What cannot be read back (secrets, the license
 * text, custom license parameters) is written as a reference or a comment, and routes meshctl did
 * not create are listed as comments for the user to decide. Pure: live state in, text out.
 */
public final class SpecInference {
  static final String PEER_ROUTE = RouteMarker.describe("peer route to ");
  static final String ADVERTISE = RouteMarker.describe("advertise subnet");
  static final String EXTRA = RouteMarker.describe("extra route");

  private SpecInference() {}

  /** The spec for {@code targets} as {@code state} shows them; errors when one was not read. */
  public static ImportResult infer(List<ImportTarget> targets, MeshState state, ImportOptions options) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<Observed> observed = new ArrayList<>();
    for (ImportTarget t : targets) {
      ControllerObservation o = state.controllers().get(t.name());
      if (o instanceof ControllerObservation.Observed ok) {
        observed.add(new Observed(t, ok.state()));
      } else {
        String why = o instanceof ControllerObservation.Unreadable u ? u.reason() : "not read";
        diagnostics.add(Diagnostic.error("controller \"" + t.name() + "\" (" + t.endpointText() + "): cannot read: " + why, null, t.name()));
      }
    }
    for (Observed o : observed) {
      if (o.state.config().privateIp().isEmpty()) {
        diagnostics.add(Diagnostic.error("controller \"" + o.name() + "\" does not report its private IP", null, o.name()));
      } else if (new IPAddressString(o.state.config().privateIp().get()).getAddress() == null) {
        diagnostics.add(Diagnostic.error("controller \"" + o.name() + "\" reports a private IP that is not an address: \""
            + o.state.config().privateIp().get() + "\"", null, o.name()));
      }
    }
    if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
      return new ImportResult(Optional.empty(), diagnostics);
    }
    diagnostics.addAll(leftOut(observed));
    if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
      return new ImportResult(Optional.empty(), diagnostics);
    }
    // The root has peer ID 1; ordering by peer ID makes every ID its default (its position).
    observed.sort(Comparator.comparingInt(o -> o.state.peering().selfId().orElse(Integer.MAX_VALUE)));
    String text = new Writer(observed, options, diagnostics).write();
    FormatResult formatted = SpecFormatter.format(text, "mesh.yaml");
    if (!formatted.ok()) {
      diagnostics.addAll(formatted.diagnostics());
      return new ImportResult(Optional.empty(), diagnostics);
    }
    return new ImportResult(formatted.formatted(), diagnostics);
  }

  /**
   * Peers of the imported controllers that were not imported. A spec owns the whole peer map of
   * every controller it lists and cannot name a peer outside it, so a spec of part of a mesh,
   * applied back, would delete every link to the rest: such an import is refused, naming them.
   */
  private static List<Diagnostic> leftOut(List<Observed> observed) {
    java.util.Set<Integer> imported = new java.util.HashSet<>();
    observed.forEach(o -> o.id().ifPresent(imported::add));
    // Peer ID -> the imported controllers linked to it, and the address they have for it.
    Map<Integer, java.util.SortedSet<String>> holders = new TreeMap<>();
    Map<Integer, String> addresses = new TreeMap<>();
    for (Observed o : observed) {
      for (PeerLink l : o.state.peering().peers().values()) {
        if (!l.self() && !l.notSet() && !imported.contains(l.id())) {
          holders.computeIfAbsent(l.id(), k -> new java.util.TreeSet<>()).add(o.name());
          if (l.address() != null && !l.address().isBlank()) {
            addresses.putIfAbsent(l.id(), l.address());
          }
        }
      }
    }
    List<Diagnostic> out = new ArrayList<>();
    holders.forEach(
        (id, from) -> {
          String address = addresses.getOrDefault(id, "address not set");
          out.add(
              Diagnostic.error(
                      "peer ID " + id + " (" + address + ") is linked from " + String.join(", ", from)
                          + " but is not among the controllers imported: a spec owns the whole peer map of every"
                          + " controller it lists, so the spec written from this import would delete "
                          + (from.size() == 1 ? "that link" : "those links") + " when applied",
                      null,
                      "peer[" + id + "]")
                  .withHint("import the whole mesh: add --endpoint NAME=HOST for the controller at " + address));
        });
    return out;
  }

  /** A controller that answered, with the target it was read from. */
  private record Observed(ImportTarget target, ControllerState state) {
    String name() {
      return target.name();
    }

    String privateIp() {
      return state.config().privateIp().orElseThrow();
    }

    Optional<Integer> id() {
      return state.peering().selfId();
    }

    /** The live peer link from this controller to {@code other}, if configured. */
    Optional<PeerLink> linkTo(Observed other) {
      return other.id()
          .map(id -> state.peering().peers().get(id))
          .filter(l -> !l.self() && !l.notSet() && l.address() != null && !l.address().isBlank());
    }
  }

  /** A two-way link as the spec writes it. */
  private record Link(Observed a, Observed b, int mtu) {}

  /** Writes the spec text; keeps the few decisions it makes next to each other. */
  private static final class Writer {
    private final List<Observed> controllers;
    private final ImportOptions options;
    private final List<Diagnostic> diagnostics;
    private final StringBuilder out = new StringBuilder();
    private final Map<String, InferredSubnet> subnets;

    Writer(List<Observed> controllers, ImportOptions options, List<Diagnostic> diagnostics) {
      this.controllers = controllers;
      this.options = options;
      this.diagnostics = diagnostics;
      this.subnets = inferSubnets();
    }

    String write() {
      line("# Imported by meshctl import from the running controllers. Review it, then run");
      line("# meshctl diff on it: it should report no changes.");
      line("apiVersion: meshctl/v1");
      line("kind: Mesh");
      line("metadata:");
      line("  name: " + q(topology()));
      defaults();
      license();
      line("keyset:");
      line("  token: ${env:" + options.keysetTokenEnv() + "}");
      line("root: " + q(controllers.get(0).name()));
      List<Link> links = links();
      String address = addressKind();
      int mtu = commonMtu(links);
      line("controllers:");
      controllers.forEach(c -> controller(c, address));
      peering(links, address, mtu);
      line("routes:");
      line("  peer_routes: " + anyRoute(r -> r.description().startsWith(PEER_ROUTE)));
      line("  advertise_subnets: " + anyRoute(r -> r.description().equals(ADVERTISE)));
      return out.toString();
    }

    private String topology() {
      Map<String, Long> names =
          controllers.stream()
              .flatMap(c -> c.state.config().topologyName().stream())
              .filter(n -> !n.isBlank())
              .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
      if (names.size() > 1) {
        diagnostics.add(Diagnostic.warning("the controllers report different topology names " + names.keySet() + "; the most common is used", null, "metadata.name"));
      }
      return names.entrySet().stream()
          .max(Map.Entry.comparingByValue())
          .map(Map.Entry::getKey)
          .orElse("imported-mesh");
    }

    private void defaults() {
      line("defaults:");
      line("  api:");
      if (!"api".equals(options.username())) {
        line("    username: " + q(options.username()));
      }
      options.passwordEnv().ifPresent(v -> line("    password: ${env:" + v + "}"));
      options.tokenEnv().ifPresent(v -> line("    token: ${env:" + v + "}"));
      if (options.caFile().isPresent() || options.fingerprint().isPresent() || options.insecure()
          || options.allowPlainHttp()) {
        line("    tls:");
        options.caFile().ifPresent(f -> line("      ca_file: " + q(f)));
        options.fingerprint().ifPresent(f -> line("      fingerprint_sha256: " + q(f)));
        if (options.insecure()) {
          line("      insecure: true");
        }
        if (options.allowPlainHttp()) {
          line("      allow_plain_http: true");
        }
      }
    }

    private void license() {
      line("license:");
      line("  # A controller never gives its license text back: put the topology's license file here.");
      line("  file: " + q(options.licenseFile()));
      Optional<LicenseParameters> accepted = controllers.get(0).state.license().accepted();
      if (accepted.isEmpty() || accepted.get().useDefault()) {
        line("  parameters: {default: true}");
      } else if (accepted.get().subnet().isPresent()) {
        // The custom addressing as the root's license reports it (its topology).
        LicenseParameters p = accepted.get();
        line("  parameters:");
        line("    subnet: " + q(p.subnet().get()));
        if (!p.managers().isEmpty()) {
          line("    managers: [" + String.join(", ", p.managers().stream().map(Writer::q).toList()) + "]");
        }
        p.asns().ifPresent(a -> line("    asns: [" + String.join(", ", a.strip().split("\\s+")) + "]"));
        p.clients().ifPresent(c -> line("    clients: " + q(c)));
        if (p.myManagerVip().isPresent()) {
          line("    my_manager_vip: " + q(p.myManagerVip().get()));
        } else {
          line("    # my_manager_vip: the license does not report it; add it here if one was accepted.");
        }
      } else {
        line("  # Custom license parameters were accepted on the root, but its license reports no");
        line("  # subnet: write them here (subnet, managers, asns, clients, my_manager_vip).");
        line("  parameters: {}");
        diagnostics.add(Diagnostic.warning("the root accepted custom license parameters its license does not report: write them under license.parameters", null, "license.parameters"));
      }
    }

    private void controller(Observed c, String addressKind) {
      for (LiveRoute r : c.state.routes()) {
        if (r.editable() && !RouteMarker.managed(r)) {
          line("  # unmanaged route on " + c.name() + ": " + comment(describe(r)) + " — add it under routes: to manage it");
        }
      }
      line("  - name: " + q(c.name()));
      line("    endpoint: " + q(c.target.endpointText()));
      line("    private_ip: " + q(c.privateIp()));
      if (subnets.get(c.name()).guessed()) {
        line("    # a guess: no route on the controller shows its subnet; correct it");
      }
      line("    subnet: " + q(subnet(c)));
      c.state.config().publicIp().filter(ip -> !ip.isBlank()).ifPresent(ip -> line("    public_ip: " + q(ip)));
      if (addressKind.equals("dns_name")) {
        dnsName(c).ifPresent(d -> line("    dns_name: " + q(d)));
      }
      int position = controllers.indexOf(c) + 1;
      c.id().filter(id -> id != position).ifPresent(id -> line("    peer_id: " + id));
      c.state.config().controllerName().filter(n -> !n.isBlank()).ifPresent(n -> line("    controller_name: " + q(n)));
      List<LiveRoute> extra =
          c.state.routes().stream()
              .filter(RouteMarker::managed)
              .filter(r -> !r.description().startsWith(PEER_ROUTE) && !r.description().equals(ADVERTISE))
              .sorted(Comparator.comparing(LiveRoute::cidr))
              .toList();
      if (!extra.isEmpty()) {
        line("    routes:");
        extra.forEach(this::route);
      }
    }

    private void route(LiveRoute r) {
      line("      - cidr: " + q(r.cidr()));
      RouteIdentity.given(r.gateway()).ifPresent(g -> line("        gateway: " + q(g)));
      RouteIdentity.given(r.iface()).ifPresent(i -> line("        interface: " + q(i)));
      if (r.advertise()) {
        line("        advertise: true");
      }
      if (r.metric() != 0) {
        line("        metric: " + r.metric());
      }
      if (!r.description().equals(EXTRA)) {
        line("        description: " + q(described(r.description())));
      }
    }

    /**
     * The controller's subnet, from the best evidence its routes give: the subnet meshctl
     * advertises for it; else an advertised route holding its IP (the vendor SDK's "Local subnet
     * advertisement"); else the smallest other non-default route holding it. Written as a block
     * (host bits cleared), so that the spec validates. Without evidence, a guess that still
     * validates: the /24 around its IP, narrowed until it holds no other controller's IP or
     * subnet; said in a warning and in a comment next to it.
     */
    private String subnet(Observed c) {
      return subnets.get(c.name()).cidr();
    }

    /** A controller's subnet as written, and whether it is a guess. */
    private record InferredSubnet(String cidr, boolean guessed) {}

    /** Every controller's subnet; evidenced ones first, so that guesses keep clear of them. */
    private Map<String, InferredSubnet> inferSubnets() {
      Map<String, InferredSubnet> subnets = new TreeMap<>();
      List<IPAddress> taken = new ArrayList<>();
      for (Observed c : controllers) {
        evidencedSubnet(c).ifPresent(block -> {
          subnets.put(c.name(), new InferredSubnet(block.toCanonicalString(), false));
          taken.add(block);
        });
      }
      for (Observed c : controllers) {
        if (subnets.containsKey(c.name())) {
          continue;
        }
        IPAddress ip = new IPAddressString(c.privateIp()).getAddress();
        List<IPAddress> others = new ArrayList<>(taken);
        controllers.stream()
            .filter(o -> o != c)
            .map(o -> new IPAddressString(o.privateIp()).getAddress())
            .filter(Objects::nonNull)
            .forEach(others::add);
        IPAddress guess = guessedBlock(ip, others);
        taken.add(guess);
        subnets.put(c.name(), new InferredSubnet(guess.toCanonicalString(), true));
        diagnostics.add(Diagnostic.warning("controller \"" + c.name() + "\": its subnet cannot be read back (no advertised or local route holds "
            + c.privateIp() + "); " + guess.toCanonicalString() + " is a guess: correct it", null, c.name()));
      }
      return subnets;
    }

    private Optional<IPAddress> evidencedSubnet(Observed c) {
      IPAddress ip = new IPAddressString(c.privateIp()).getAddress();
      Optional<IPAddress> meshctls =
          c.state.routes().stream().filter(r -> r.description().equals(ADVERTISE)).map(r -> block(r.cidr())).flatMap(Optional::stream).findFirst();
      if (meshctls.isPresent()) {
        return meshctls;
      }
      Comparator<IPAddress> smallest = Comparator.comparingInt(IPAddress::getNetworkPrefixLength);
      Optional<IPAddress> advertised =
          c.state.routes().stream().filter(LiveRoute::advertise).map(r -> block(r.cidr())).flatMap(Optional::stream)
              .filter(b -> holds(b, ip)).max(smallest);
      if (advertised.isPresent()) {
        return advertised;
      }
      return c.state.routes().stream().map(r -> block(r.cidr())).flatMap(Optional::stream).filter(b -> holds(b, ip)).max(smallest);
    }

    /**
     * The /24 around {@code ip}, or a narrower block when that would overlap one of {@code
     * others} (blocks overlap only by holding one another).
     */
    private static IPAddress guessedBlock(IPAddress ip, List<IPAddress> others) {
      for (int prefix = 24; prefix < ip.getBitCount(); prefix++) {
        IPAddress candidate = ip.toPrefixBlock(prefix);
        if (others.stream().noneMatch(o -> candidate.contains(o) || o.contains(candidate))) {
          return candidate;
        }
      }
      return ip.toPrefixBlock(ip.getBitCount());
    }

    /** The block of a route's cidr, host bits cleared; empty if it is not an address block. */
    private static Optional<IPAddress> block(String cidr) {
      IPAddressString s = new IPAddressString(cidr);
      return s.isValid() && s.getNetworkPrefixLength() != null && s.getAddress() != null
          ? Optional.of(s.getAddress().toPrefixBlock())
          : Optional.empty();
    }

    /** Whether {@code block} holds {@code ip} and could be its subnet (not a default or host route). */
    private static boolean holds(IPAddress block, IPAddress ip) {
      Integer prefix = block.getNetworkPrefixLength();
      return ip != null && prefix != null && prefix > 0 && prefix < ip.getBitCount()
          && block.getIPVersion() == ip.getIPVersion() && block.contains(ip);
    }

    /** Every pair with a link in at least one direction, with its MTU. */
    private List<Link> links() {
      List<Link> links = new ArrayList<>();
      for (int i = 0; i < controllers.size(); i++) {
        for (int j = i + 1; j < controllers.size(); j++) {
          Observed a = controllers.get(i);
          Observed b = controllers.get(j);
          Optional<PeerLink> ab = a.linkTo(b);
          Optional<PeerLink> ba = b.linkTo(a);
          if (ab.isPresent() || ba.isPresent()) {
            if (ab.isEmpty() || ba.isEmpty()) {
              diagnostics.add(Diagnostic.warning("only one side of the link between \"" + a.name() + "\" and \"" + b.name() + "\" is configured; the spec asks for both", null, "peering.links"));
            }
            links.add(new Link(a, b, ab.or(() -> ba).orElseThrow().mtu()));
          }
        }
      }
      return links;
    }

    private boolean fullMesh(List<Link> links) {
      int n = controllers.size();
      return links.size() == n * (n - 1) / 2
          && links.stream().allMatch(l -> l.a.linkTo(l.b).isPresent() && l.b.linkTo(l.a).isPresent());
    }

    /** Which of its addresses a controller's peers use for it, by majority. */
    private String addressKind() {
      Map<String, Integer> votes = new TreeMap<>();
      for (Observed from : controllers) {
        for (Observed to : controllers) {
          from.linkTo(to).ifPresent(l -> votes.merge(kind(l.address(), to), 1, Integer::sum));
        }
      }
      return votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("private_ip");
    }

    private static String kind(String address, Observed to) {
      if (address.equals(to.privateIp())) {
        return "private_ip";
      }
      return to.state.config().publicIp().filter(address::equals).isPresent() ? "public_ip" : "dns_name";
    }

    /** The name a peer uses for {@code c} when that is neither of its IPs. */
    private Optional<String> dnsName(Observed c) {
      return controllers.stream()
          .flatMap(from -> from.linkTo(c).stream())
          .map(PeerLink::address)
          .filter(a -> kind(a, c).equals("dns_name"))
          .findFirst();
    }

    private static int commonMtu(List<Link> links) {
      Map<Integer, Long> counts = links.stream().collect(Collectors.groupingBy(Link::mtu, TreeMap::new, Collectors.counting()));
      long best = counts.values().stream().max(Long::compare).orElse(0L);
      if (counts.getOrDefault(PeeringSpec.DEFAULT_MTU, 0L) == best) {
        return PeeringSpec.DEFAULT_MTU;
      }
      return counts.entrySet().stream().filter(e -> e.getValue() == best).map(Map.Entry::getKey).findFirst().orElse(PeeringSpec.DEFAULT_MTU);
    }

    private void peering(List<Link> links, String address, int mtu) {
      // An explicit mode needs links to be valid: with none configured, a full mesh is the only
      // valid spec, and it is a choice (diff will show every link to add), so it is said.
      boolean none = links.isEmpty() && controllers.size() > 1;
      boolean full = fullMesh(links) || none;
      line("peering:");
      if (none) {
        line("  # no peer links are configured yet: full_mesh is a choice, correct it");
        diagnostics.add(Diagnostic.warning("no peer links are configured between the controllers; the spec asks for a full mesh: correct peering if that is not the intent", null, "peering"));
      }
      line("  mode: " + (full ? "full_mesh" : "explicit"));
      line("  address: " + address);
      line("  overlay_mtu: " + mtu);
      List<Link> listed = full ? links.stream().filter(l -> l.mtu != mtu).toList() : links;
      if (!listed.isEmpty()) {
        line("  links:");
        for (Link l : listed) {
          line("    - between: [" + q(l.a.name()) + ", " + q(l.b.name()) + "]");
          if (l.mtu != mtu) {
            line("      overlay_mtu: " + l.mtu);
          }
        }
      }
    }

    private boolean anyRoute(java.util.function.Predicate<LiveRoute> p) {
      return controllers.stream().flatMap(c -> c.state.routes().stream()).filter(RouteMarker::managed).anyMatch(p);
    }

    private static String describe(LiveRoute r) {
      StringBuilder sb = new StringBuilder(r.cidr());
      RouteIdentity.given(r.gateway()).ifPresent(g -> sb.append(" via ").append(g));
      RouteIdentity.given(r.iface()).ifPresent(i -> sb.append(" dev ").append(i));
      if (r.advertise()) {
        sb.append(" advertised");
      }
      if (!Objects.toString(r.description(), "").isBlank()) {
        sb.append(" \"").append(r.description()).append('"');
      }
      return sb.toString();
    }

    private void line(String text) {
      out.append(text).append('\n');
    }

    /**
     * The text a route's spec description stands for: what follows {@link RouteMarker#describe}'s
     * prefix, exactly, so that applying the spec back writes the same description.
     */
    private static String described(String description) {
      String marked = RouteMarker.describe("");
      return description.startsWith(marked)
          ? description.substring(marked.length())
          : description.substring(RouteMarker.PREFIX.length()).strip();
    }

    /**
     * A value read from a controller as a YAML double-quoted string that loads back as exactly that
     * value: every {@code ${} is written {@code $${} (the loader's escape, see {@link
     * dev.meshctl.dsl.ref.Interpolation}), so a controller named {@code ${env:API_PASSWORD}} can
     * never make the next plan read the operator's environment or files; characters YAML cannot
     * hold as they are are escaped. The formatter drops the quotes where they are not needed.
     */
    static String q(String s) {
      StringBuilder sb = new StringBuilder("\"");
      s.replace("${", "$${")
          .codePoints()
          .forEach(
              c -> {
                switch (c) {
                  case '"' -> sb.append("\\\"");
                  case '\\' -> sb.append("\\\\");
                  case '\n' -> sb.append("\\n");
                  default -> escaped(sb, c);
                }
              });
      return sb.append('"').toString();
    }

    /**
     * Text read from a controller made safe for a comment: a comment ends at a line break (a
     * {@code \r} in a route description once ended it and broke the spec), and YAML holds only
     * printable characters, so both are written as escapes.
     */
    static String comment(String s) {
      StringBuilder sb = new StringBuilder();
      s.codePoints()
          .forEach(
              c -> {
                switch (c) {
                  case '\n' -> sb.append("\\n");
                  case '\r' -> sb.append("\\r");
                  case '\t' -> sb.append("\\t");
                  default -> escaped(sb, c);
                }
              });
      return sb.toString();
    }

    /**
     * Appends {@code c} as it is when YAML takes it so in a quoted scalar or a comment (its
     * c-printable set, without line breaks and the byte-order mark), else as a {@code \\u} escape
     * (a lone surrogate too: it has no UTF-8 form).
     */
    private static void escaped(StringBuilder sb, int c) {
      boolean printable =
          (c >= 0x20 && c < 0x7f)
              || (c >= 0xa0 && c <= 0xfffd && c != 0xfeff && !Character.isSurrogate((char) c))
              || c >= 0x10000;
      if (printable) {
        sb.appendCodePoint(c);
      } else {
        sb.append(String.format("\\u%04x", c));
      }
    }
  }
}
