package dev.meshctl.dsl.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.yaml.SpecPath;
import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * License parameters: either {@code default: true} alone, or custom addressing with a subnet that
 * holds the managers' addresses and the shared VIP. Accepting parameters is irreversible, so
 * mistakes are worth catching here.
 */
final class LicenseChecks {
  private static final String PARAMETERS = "license.parameters";
  private static final List<String> CUSTOM = List.of("subnet", "managers", "asns", "clients", "my_manager_vip");

  private LicenseChecks() {}

  static List<Diagnostic> check(CheckContext ctx) {
    List<Diagnostic> out = new ArrayList<>();
    JsonNode p = ctx.at(PARAMETERS);
    if (!p.isObject()) {
      return out;
    }
    boolean useDefault = p.path("default").asBoolean(false);
    List<String> custom = CUSTOM.stream().filter(p::has).toList();
    if (useDefault && !custom.isEmpty()) {
      out.add(
          ctx.error("default: true cannot be combined with " + String.join(", ", custom), PARAMETERS)
              .withHint("remove default: true to use custom parameters"));
      return out;
    }
    if (!useDefault && !p.has("subnet")) {
      out.add(
          ctx.error("license parameters need either default: true or a custom subnet", PARAMETERS));
      return out;
    }
    Optional<IPAddress> subnet = ControllerChecks.cidr(ctx, out, SpecPath.key(PARAMETERS, "subnet"));
    JsonNode managers = p.path("managers");
    for (int i = 0; managers.isArray() && i < managers.size(); i++) {
      inside(ctx, out, subnet, SpecPath.index(SpecPath.key(PARAMETERS, "managers"), i));
    }
    inside(ctx, out, subnet, SpecPath.key(PARAMETERS, "my_manager_vip"));
    return out;
  }

  private static void inside(CheckContext ctx, List<Diagnostic> out, Optional<IPAddress> subnet, String path) {
    Optional<IPAddress> ip = ControllerChecks.ip(ctx, out, path);
    if (ip.isPresent() && subnet.isPresent() && !Addresses.contains(subnet.get(), ip.get())) {
      out.add(ctx.error(ip.get() + " is outside the license subnet " + subnet.get(), path));
    }
  }
}
