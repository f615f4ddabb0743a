package dev.meshctl.dsl.schema;

import dev.meshctl.dsl.yaml.SpecPath;
import java.util.Set;

/** Which spec keys hold secrets, so no message ever quotes their values. */
public final class SecretKeys {
  private static final Set<String> KEYS = Set.of("password", "token");

  private SecretKeys() {}

  /** Whether the value at {@code path} is a secret (an API password or token, the keyset token). */
  public static boolean isSecret(String path) {
    return KEYS.contains(SpecPath.leaf(path));
  }
}
