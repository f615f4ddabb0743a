package dev.meshctl.dsl.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.model.Endpoint;
import dev.meshctl.dsl.yaml.SpecPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * API access: each controller ends up with exactly one of password and token, TLS trust is one
 * choice with an existing CA file, timeouts are positive, insecure TLS and secrets written inline
 * are warned about, and a plain {@code http://} endpoint (which sends the credentials in clear) is
 * refused unless its TLS settings allow it, then warned about.
 */
final class AccessChecks {
  static final String INLINE_SECRET = "secret given inline; prefer ${env:...} or ${file:...}";

  private AccessChecks() {}

  static List<Diagnostic> check(CheckContext ctx) {
    List<Diagnostic> out = new ArrayList<>();
    api(ctx, out, "defaults.api");
    for (String c : ctx.controllerPaths()) {
      String api = SpecPath.key(c, "api");
      api(ctx, out, api);
      plainHttp(ctx, out, c, api);
      if (ctx.at(c).isObject() && !hasCredential(ctx, api) && !hasCredential(ctx, "defaults.api")) {
        String name = ctx.text(SpecPath.key(c, "name")).orElse(c);
        out.add(
            ctx.error("no API password or token for controller '" + name + "'", c)
                .withHint("set defaults.api.password or " + api + ".password"));
      }
    }
    inline(ctx, out, "keyset.token");
    for (String key : List.of("reboot_timeout", "keyset_timeout")) {
      positive(ctx, out, SpecPath.key("execution", key));
    }
    return out;
  }

  /** The controller's tls block as the model takes it: its own, or else the defaults'. */
  private static void plainHttp(CheckContext ctx, List<Diagnostic> out, String c, String api) {
    String endpoint = SpecPath.key(c, "endpoint");
    Optional<Endpoint> e = ctx.text(endpoint).flatMap(Endpoint::parse);
    if (e.isEmpty() || e.get().tls()) {
      return;
    }
    String own = SpecPath.key(api, "tls");
    String tls = ctx.at(own).isMissingNode() ? "defaults.api.tls" : own;
    String allow = SpecPath.key(tls, "allow_plain_http");
    String name = ctx.text(SpecPath.key(c, "name")).orElse(c);
    if (ctx.at(allow).asBoolean(false)) {
      out.add(
          ctx.warning(
                  "controller '" + name + "' is reached over plain HTTP: its API credentials cross the network unencrypted",
                  endpoint)
              .withHint("use an https:// endpoint; plain HTTP is for test setups on loopback"));
    } else {
      out.add(
          ctx.error(
                  "controller '" + name + "' has a plain http:// endpoint, which would send its API credentials unencrypted",
                  endpoint)
              .withHint("use https:// (or host:port), or set " + allow + ": true for a test setup"));
    }
  }

  private static boolean hasCredential(CheckContext ctx, String api) {
    return !ctx.at(SpecPath.key(api, "password")).isMissingNode()
        || !ctx.at(SpecPath.key(api, "token")).isMissingNode();
  }

  private static void api(CheckContext ctx, List<Diagnostic> out, String api) {
    if (!ctx.at(api).isObject()) {
      return;
    }
    String password = SpecPath.key(api, "password");
    String token = SpecPath.key(api, "token");
    if (!ctx.at(password).isMissingNode() && !ctx.at(token).isMissingNode()) {
      out.add(ctx.error("give either password or token, not both", token));
    }
    inline(ctx, out, password);
    inline(ctx, out, token);
    tls(ctx, out, SpecPath.key(api, "tls"));
    insecure(ctx, out, api);
    positive(ctx, out, SpecPath.key(api, "connect_timeout"));
    positive(ctx, out, SpecPath.key(api, "request_timeout"));
  }

  private static void inline(CheckContext ctx, List<Diagnostic> out, String path) {
    if (ctx.at(path).isTextual() && !ctx.referenced().contains(path)) {
      out.add(ctx.warning(INLINE_SECRET, path));
    }
  }

  private static void tls(CheckContext ctx, List<Diagnostic> out, String tls) {
    JsonNode node = ctx.at(tls);
    if (!node.isObject()) {
      return;
    }
    boolean insecure = node.path("insecure").asBoolean(false);
    int choices =
        (node.has("ca_file") ? 1 : 0) + (node.has("fingerprint_sha256") ? 1 : 0) + (insecure ? 1 : 0);
    if (choices > 1) {
      out.add(ctx.error("choose one of ca_file, fingerprint_sha256 and insecure: true", tls));
    }
    String ca = SpecPath.key(tls, "ca_file");
    ctx.text(ca)
        .filter(f -> !ctx.files().exists(f))
        .ifPresent(f -> out.add(ctx.error("CA file " + ctx.files().display(f) + " does not exist", ca)));
  }

  /**
   * One warning per run for insecure TLS, where it is set: the defaults' names every controller
   * that takes them; a controller's own block is warned about only where it differs (the
   * defaults verify, the controller does not). Plain-HTTP endpoints have no certificate to check.
   */
  private static void insecure(CheckContext ctx, List<Diagnostic> out, String api) {
    String tls = SpecPath.key(api, "tls");
    if (!ctx.at(tls).path("insecure").asBoolean(false)) {
      return;
    }
    boolean defaultsInsecure = ctx.at("defaults.api.tls").path("insecure").asBoolean(false);
    List<String> covered = new ArrayList<>();
    for (String c : ctx.controllerPaths()) {
      boolean own = !ctx.at(SpecPath.key(SpecPath.key(c, "api"), "tls")).isMissingNode();
      boolean https =
          ctx.text(SpecPath.key(c, "endpoint")).flatMap(Endpoint::parse).map(Endpoint::tls).orElse(true);
      boolean applies = api.equals("defaults.api") ? !own : api.equals(SpecPath.key(c, "api"));
      if (applies && https) {
        covered.add(ctx.text(SpecPath.key(c, "name")).orElse(c));
      }
    }
    if (covered.isEmpty() || (!api.equals("defaults.api") && defaultsInsecure)) {
      return;
    }
    String whom =
        api.equals("defaults.api")
            ? (covered.size() == 1 ? "1 controller: " : covered.size() + " controllers: ")
                + String.join(", ", covered)
            : "controller '" + covered.get(0) + "'";
    out.add(
        ctx.warning(
                "TLS certificate verification is disabled (insecure: true) for " + whom,
                SpecPath.key(tls, "insecure"))
            .withHint("pin the certificate with fingerprint_sha256 or trust its CA with ca_file"));
  }

  private static void positive(CheckContext ctx, List<Diagnostic> out, String path) {
    Optional<String> text = ctx.text(path);
    if (text.isEmpty() || !text.get().matches("([0-9]+(ms|s|m|h))+")) {
      return;
    }
    Optional<java.time.Duration> d = Durations.parse(text.get());
    if (d.isEmpty()) {
      out.add(ctx.error("'" + SpecPath.leaf(path) + "' " + text.get() + " is too long", path));
    } else if (d.get().isZero()) {
      out.add(ctx.error("'" + SpecPath.leaf(path) + "' must be longer than zero", path));
    }
  }
}
