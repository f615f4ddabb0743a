package dev.meshctl.dsl.schema;

import dev.meshctl.dsl.yaml.SpecPath;
import java.util.Set;

/** Which spec keys hold secrets, so no message ever quotes their values. */
public final class SecretKeys {
  private static final Set<String> KEYS = Set.of("password", "token");

  /** Blocks that hold secrets: a wrongly typed value there may be the secret itself. */
  private static final Set<String> HOLDERS = Set.of("api", "keyset");

  private SecretKeys() {}

  /**
   * Whether the value at {@code path} is, or may be, a secret: an API password or token, the
   * keyset token, or a scalar written where their block was expected.
   */
  public static boolean isSecret(String path) {
    String leaf = SpecPath.leaf(path);
    return KEYS.contains(leaf) || HOLDERS.contains(leaf);
  }
}
