package dev.meshctl.cli;

import dev.meshctl.cli.views.ValidateView;
import dev.meshctl.dsl.load.LoadResult;
import dev.meshctl.dsl.load.SpecLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
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
final class ValidateCommand implements Callable<Integer>, ViewedCommand {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin SpecOptions specOptions;

  @Option(names = "--json", description = "Print the diagnostics as JSON.")
  boolean json;

  @Option(
      names = "--no-secrets",
      description = "Read no environment variable, $${file:...} or license file: check each reference's form and list it.")
  boolean noSecrets;

  private ValidateView view;

  @Override
  public ValidateView view() {
    if (view == null) {
      PrintWriter err = spec.commandLine().getErr();
      view = ValidateView.of(json, spec.commandLine().getOut(), err, MaskedOutput.masker(err));
    }
    return view;
  }

  @Override
  public Integer call() {
    Path file = specOptions.file;
    LoadResult result =
        SpecLoader.load(
            file, noSecrets ? specOptions.loadOptions().withoutSecrets() : specOptions.loadOptions());
    ValidateView v = view();
    v.mask(result.secrets());
    v.result(file, result);
    v.close();
    return result.ok() ? ExitCodes.OK : ExitCodes.ERROR;
  }
}
