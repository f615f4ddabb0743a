package dev.meshctl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.load.LoadResult;
import dev.meshctl.dsl.load.SpecLoader;
import dev.meshctl.dsl.model.MeshSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code meshctl validate}: loads a spec without touching any controller and reports every problem
 * with its file, line and column; exit 0 when valid, 1 otherwise.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check a mesh spec: YAML, schema, references and semantics. Touches no controller.",
      "With --no-secrets, as terraform validate without variable values, each $${env:...} and"
          + " $${file:...} reference and the license file is checked for form and named, but not"
          + " read: a pull request from a fork, which has no secrets, can still be validated."
    },
    footer = {
      "",
      "Examples:",
      "  meshctl validate mesh.yaml",
      "  meshctl validate --json mesh.yaml",
      "  meshctl validate --no-secrets mesh.yaml   # a fork's pull request: no secrets",
      "  meshctl validate --endpoint-map sim-endpoints.yaml \\",
      "      examples/peering-mesh/mesh.yaml"
    })
final class ValidateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin SpecOptions specOptions;

  @Option(names = "--json", description = "Print the diagnostics as JSON.")
  boolean json;

  @Option(
      names = "--no-secrets",
      description = "Read no environment variable, $${file:...} or license file: check each reference's form and list it.")
  boolean noSecrets;

  @Override
  public Integer call() {
    Path file = specOptions.file;
    LoadResult result =
        SpecLoader.load(
            file, noSecrets ? specOptions.loadOptions().withoutSecrets() : specOptions.loadOptions());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    MaskedOutput.masker(err).registerAll(result.secrets());
    if (json) {
      out.println(toJson(result));
    } else {
      result.diagnostics().forEach(d -> err.println(d.format()));
      if (result.ok()) {
        out.println(file + ": valid — " + summary(result.spec().orElseThrow()));
        if (!result.unread().isEmpty()) {
          out.println("Not read (--no-secrets), checked for form only:");
          result.unread().forEach(u -> out.println("  " + u));
        }
      } else {
        err.println(count(result.errors(), "error") + ", " + count(result.warnings(), "warning"));
      }
    }
    out.flush();
    err.flush();
    return result.ok() ? ExitCodes.OK : ExitCodes.ERROR;
  }

  /** E.g. {@code topology "peering-mesh", 4 controllers, 12 peer links, root east-1a}. */
  static String summary(MeshSpec mesh) {
    int n = mesh.controllers().size();
    // Peer links are one-directional on a controller: each two-way link is two of them.
    int links = mesh.peering().fullMesh() ? n * (n - 1) : 2 * mesh.peering().links().size();
    return "topology \"" + mesh.topology() + "\", " + count(n, "controller") + ", "
        + count(links, "peer link") + ", root " + mesh.root();
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** {@code {"valid": bool, "diagnostics": [{severity, message, file, line, column, path, hint}]}}. */
  static String toJson(LoadResult result) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("valid", result.ok());
    if (!result.unread().isEmpty()) {
      result.unread().forEach(root.putArray("unread")::add);
    }
    ArrayNode list = root.putArray("diagnostics");
    for (Diagnostic d : result.diagnostics()) {
      ObjectNode o = list.addObject();
      o.put("severity", d.severity().label());
      o.put("message", d.message());
      o.put("file", d.location().map(l -> l.file()).orElse(null));
      putInt(o, "line", d.location().map(l -> l.line()));
      putInt(o, "column", d.location().map(l -> l.column()));
      o.put("path", d.path());
      o.put("hint", d.hint().orElse(null));
    }
    return root.toPrettyString();
  }

  private static void putInt(ObjectNode o, String key, Optional<Integer> value) {
    if (value.isPresent()) {
      o.put(key, value.get());
    } else {
      o.putNull(key);
    }
  }
}
