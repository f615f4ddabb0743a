package dev.meshctl.dsl.load;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a spec is loaded with besides its text.
 *
 * @param env the environment {@code ${env:NAME}} reads (tests and the demo pass their own)
 * @param endpointMap a YAML/JSON file mapping controller names or original hosts to endpoints,
 *     applied after resolution (points a spec at simulated controllers without editing it)
 */
public record LoadOptions(Map<String, String> env, Optional<Path> endpointMap) {
  public LoadOptions {
    env = Map.copyOf(env);
  }

  /** The process environment, no endpoint map. */
  public static LoadOptions defaults() {
    return new LoadOptions(System.getenv(), Optional.empty());
  }

  /** These options with another environment. */
  public LoadOptions withEnv(Map<String, String> newEnv) {
    return new LoadOptions(newEnv, endpointMap);
  }

  /** These options with an endpoint map file. */
  public LoadOptions withEndpointMap(Path file) {
    return new LoadOptions(env, Optional.of(file));
  }
}
