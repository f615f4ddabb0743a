package dev.meshctl.cli;

import dev.meshctl.cli.views.View;
import dev.meshctl.dsl.load.LoadOptions;
import dev.meshctl.engine.client.ClientOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The spec a command works on: its file and an optional endpoint map (picocli mixin). */
final class SpecOptions {
  @Parameters(index = "0", paramLabel = "FILE", description = "The mesh spec, e.g. mesh.yaml.")
  Path file;

  @Option(
      names = "--endpoint-map",
      paramLabel = "FILE",
      description = "A YAML/JSON map of controller name or host to endpoint, applied after resolution.")
  Path endpointMap;

  LoadOptions loadOptions() {
    LoadOptions options = LoadOptions.defaults();
    return endpointMap == null ? options : options.withEndpointMap(endpointMap);
  }

  /**
   * Opens a session on this spec with the vendor's waits, reporting the spec's diagnostics to
   * {@code view}; empty when the spec has errors.
   */
  Optional<MeshSession> open(View view, PrintWriter err) {
    return MeshSession.open(file, loadOptions(), ClientOptions.DEFAULT, view, err);
  }

  /** What a command does with an open session; answers the exit code. */
  interface SessionCommand {
    int run(MeshSession session) throws IOException;
  }

  /**
   * Opens a session as {@link #open} does and runs {@code command} in it, closing it after; exit 1
   * when the spec has errors (its diagnostics are printed, no request is sent).
   */
  int run(View view, PrintWriter err, SessionCommand command) throws IOException {
    Optional<MeshSession> opened = open(view, err);
    if (opened.isEmpty()) {
      return ExitCodes.ERROR;
    }
    try (MeshSession session = opened.get()) {
      return command.run(session);
    }
  }
}
