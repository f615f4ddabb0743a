package dev.meshctl.dsl.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshctl.dsl.check.Durations;
import dev.meshctl.dsl.model.ApiAccess;
import dev.meshctl.dsl.model.ControllerSpec;
import dev.meshctl.dsl.model.Endpoint;
import dev.meshctl.dsl.model.ExecutionSpec;
import dev.meshctl.dsl.model.LicenseParameters;
import dev.meshctl.dsl.model.LicenseSpec;
import dev.meshctl.dsl.model.LinkSpec;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.dsl.model.PeerAddress;
import dev.meshctl.dsl.model.PeeringSpec;
import dev.meshctl.dsl.model.RouteSpec;
import dev.meshctl.dsl.model.RoutingSpec;
import dev.meshctl.dsl.model.Secret;
import dev.meshctl.dsl.model.TlsSpec;
import dev.meshctl.dsl.ref.SpecFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Builds the {@link MeshSpec} from a resolved tree that passed the schema and the semantic checks,
 * applying every default. Pure: the license text is read by the caller.
 */
final class ModelBuilder {
  private ModelBuilder() {}

  static MeshSpec build(JsonNode t, Path source, SpecFiles files, Secret licenseText) {
    List<ControllerSpec> controllers = new ArrayList<>();
    JsonNode list = t.path("controllers");
    JsonNode defaults = t.path("defaults").path("api");
    for (int i = 0; i < list.size(); i++) {
      controllers.add(controller(list.get(i), defaults, files));
    }
    String root = t.has("root") ? t.get("root").asText() : controllers.get(0).name();
    JsonNode license = t.path("license");
    return new MeshSpec(
        source,
        t.path("metadata").path("name").asText(),
        List.copyOf(controllers),
        root,
        new LicenseSpec(files.resolve(license.path("file").asText()), licenseText, parameters(license.path("parameters"))),
        Secret.of(t.path("keyset").path("token").asText()),
        peering(t.path("peering")),
        new RoutingSpec(
            t.path("routes").path("peer_routes").asBoolean(true),
            t.path("routes").path("advertise_subnets").asBoolean(true)),
        execution(t.path("execution")));
  }

  private static ControllerSpec controller(JsonNode c, JsonNode defaults, SpecFiles files) {
    List<RouteSpec> routes = new ArrayList<>();
    for (JsonNode r : c.path("routes")) {
      routes.add(
          new RouteSpec(
              r.path("cidr").asText(),
              text(r, "gateway"),
              text(r, "interface"),
              r.path("advertise").asBoolean(false),
              r.path("metric").asInt(RouteSpec.DEFAULT_METRIC),
              text(r, "description")));
    }
    return new ControllerSpec(
        c.path("name").asText(),
        Endpoint.parse(c.path("endpoint").asText()).orElseThrow(),
        c.path("private_ip").asText(),
        c.path("subnet").asText(),
        text(c, "public_ip"),
        text(c, "dns_name"),
        c.path("peer_id").isIntegralNumber() ? OptionalInt.of(c.get("peer_id").asInt()) : OptionalInt.empty(),
        text(c, "controller_name"),
        api(c.path("api"), defaults, files),
        List.copyOf(routes));
  }

  /** A controller's own api block over the defaults, key by key; password or token replace both. */
  private static ApiAccess api(JsonNode own, JsonNode defaults, SpecFiles files) {
    JsonNode credentials = own.has("password") || own.has("token") ? own : defaults;
    JsonNode tls = own.has("tls") ? own.get("tls") : defaults.path("tls");
    return new ApiAccess(
        pick(own, defaults, "username").orElse(ApiAccess.DEFAULT_USERNAME),
        text(credentials, "password").map(Secret::of),
        text(credentials, "token").map(Secret::of),
        new TlsSpec(
            text(tls, "ca_file").map(files::resolve),
            text(tls, "fingerprint_sha256"),
            tls.path("insecure").asBoolean(false),
            tls.path("allow_plain_http").asBoolean(false)),
        duration(pick(own, defaults, "connect_timeout"), ApiAccess.DEFAULT_CONNECT_TIMEOUT),
        duration(pick(own, defaults, "request_timeout"), ApiAccess.DEFAULT_REQUEST_TIMEOUT));
  }

  private static LicenseParameters parameters(JsonNode p) {
    if (p.isMissingNode() || p.path("default").asBoolean(false)) {
      return LicenseParameters.DEFAULT;
    }
    List<String> managers = new ArrayList<>();
    p.path("managers").forEach(m -> managers.add(m.asText()));
    Optional<String> asns =
        p.has("asns")
            ? Optional.of(
                java.util.stream.StreamSupport.stream(p.get("asns").spliterator(), false)
                    .map(JsonNode::asText)
                    .collect(Collectors.joining(" ")))
            : Optional.empty();
    return new LicenseParameters(
        false, text(p, "subnet"), List.copyOf(managers), asns, text(p, "clients"), text(p, "my_manager_vip"));
  }

  private static PeeringSpec peering(JsonNode p) {
    List<LinkSpec> links = new ArrayList<>();
    for (JsonNode l : p.path("links")) {
      JsonNode between = l.path("between");
      links.add(
          new LinkSpec(
              between.get(0).asText(),
              between.get(1).asText(),
              l.has("overlay_mtu") ? OptionalInt.of(l.get("overlay_mtu").asInt()) : OptionalInt.empty()));
    }
    return new PeeringSpec(
        !"explicit".equals(p.path("mode").asText("full_mesh")),
        List.copyOf(links),
        PeerAddress.valueOf(p.path("address").asText("private_ip").toUpperCase(Locale.ROOT)),
        p.path("overlay_mtu").asInt(PeeringSpec.DEFAULT_MTU));
  }

  private static ExecutionSpec execution(JsonNode e) {
    return new ExecutionSpec(
        e.path("parallelism").asInt(ExecutionSpec.DEFAULT_PARALLELISM),
        e.path("per_controller").asInt(ExecutionSpec.DEFAULT_PER_CONTROLLER),
        duration(text(e, "reboot_timeout"), ExecutionSpec.DEFAULT_REBOOT_TIMEOUT),
        duration(text(e, "keyset_timeout"), ExecutionSpec.DEFAULT_KEYSET_TIMEOUT));
  }

  private static Optional<String> pick(JsonNode own, JsonNode defaults, String key) {
    return text(own, key).or(() -> text(defaults, key));
  }

  private static Optional<String> text(JsonNode node, String key) {
    JsonNode v = node.path(key);
    return v.isValueNode() && !v.isNull() ? Optional.of(v.asText()) : Optional.empty();
  }

  private static Duration duration(Optional<String> text, Duration otherwise) {
    return text.flatMap(Durations::parse).orElse(otherwise);
  }
}
