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
 * @param readSecrets false to check each {@code ${env:...}} and {@code ${file:...}} reference and
 *     the license file for form only, reading none of them (a fork's pull request has no secrets)
 */
public record LoadOptions(Map<String, String> env, Optional<Path> endpointMap, boolean readSecrets) {
  public LoadOptions {
    env = Map.copyOf(env);
  }

  /** Options that read every reference. */
  public LoadOptions(Map<String, String> env, Optional<Path> endpointMap) {
    this(env, endpointMap, true);
  }

  /** The process environment, no endpoint map. */
  public static LoadOptions defaults() {
    return new LoadOptions(System.getenv(), Optional.empty());
  }

  /** These options with another environment. */
  public LoadOptions withEnv(Map<String, String> newEnv) {
    return new LoadOptions(newEnv, endpointMap, readSecrets);
  }

  /** These options with an endpoint map file. */
  public LoadOptions withEndpointMap(Path file) {
    return new LoadOptions(env, Optional.of(file), readSecrets);
  }

  /** These options reading no environment variable, no {@code ${file:...}} and no license file. */
  public LoadOptions withoutSecrets() {
    return new LoadOptions(Map.of(), endpointMap, false);
  }
}
