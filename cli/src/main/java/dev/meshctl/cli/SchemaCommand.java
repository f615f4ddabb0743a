package dev.meshctl.cli;

import dev.meshctl.dsl.schema.MeshSchema;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code meshctl schema}: prints the JSON Schema of mesh.yaml, for editors and other tools.
 */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = "Print the JSON Schema (2020-12) of mesh.yaml.",
    footer = {
      "",
      "Examples:",
      "  meshctl schema > mesh.schema.json",
      "  # then, first line of mesh.yaml:",
      "  # yaml-language-server: $schema=./mesh.schema.json"
    })
final class SchemaCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(MeshSchema.get().text());
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
