package dev.meshctl.dsl.yaml;

/**
 * Spec paths in their one printed form: {@code controllers[1].subnet}. Indexes are 0-based, as in
 * Terraform and JSON; the root document is the empty path.
 */
public final class SpecPath {
  private SpecPath() {}

  /** The path of key {@code key} in the mapping at {@code parent}. */
  public static String key(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  /** The path of item {@code index} in the list at {@code parent}. */
  public static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /** The last key or index of a path, for messages: {@code subnet} or {@code controllers[1]}. */
  public static String leaf(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }
}
