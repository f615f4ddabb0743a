package dev.meshctl.cli;

import dev.meshctl.simulator.license.SimLicense;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code meshctl sim license}: issues a license simulated controllers accept. */
@Command(
    name = "license",
    mixinStandardHelpOptions = true,
    description = {
      "Issue a license file for simulated VNS3 controllers.",
      "Simulated controllers accept the licenses the simulator issues and answer \"Bad license\""
          + " to any other text; the controller count bounds the valid peer IDs."
    },
    footer = {"", "Example:", "  meshctl sim license --controllers 8 -o examples/local/license.txt"})
final class SimLicenseCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--controllers", required = true, paramLabel = "N",
      description = "How many controllers the license allows (1.." + SimLicense.MAX_CONTROLLERS + ").")
  int controllers;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "license.txt",
      description = "Where to write it (default: ${DEFAULT-VALUE}); '-' prints it.")
  String output;

  @Option(names = "--force", description = "Overwrite an existing file.")
  boolean force;

  @Override
  public Integer call() throws IOException {
    if (controllers < 1 || controllers > SimLicense.MAX_CONTROLLERS) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--controllers must be 1.." + SimLicense.MAX_CONTROLLERS + ", got " + controllers);
    }
    String text = SimLicense.issue(controllers).text();
    PrintWriter out = spec.commandLine().getOut();
    if (output.equals("-")) {
      out.print(text);
    } else {
      Path file = Path.of(output);
      if (Files.exists(file) && !force) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), file + " exists; use --force to replace it");
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
      out.println("wrote a simulator license for " + controllers + " controllers to " + file);
    }
    out.flush();
    return ExitCodes.OK;
  }
}
