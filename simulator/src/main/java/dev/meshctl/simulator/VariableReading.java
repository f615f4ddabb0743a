package dev.meshctl.simulator;

import java.util.Locale;

/**
 * How the simulated {@code /system/variables} behaves where the vendor's sources are silent (see
 * docs/vns3-fidelity.md, "Custom variables and the apply lock"). meshctl must be correct under
 * every combination, so the simulator can play each.
 *
 * @param post what a second {@code POST} of an existing name does
 * @param names how {@code GET} lists a custom variable's name
 * @param unlicensed whether the variables answer before the controller is licensed
 */
public record VariableReading(Post post, Names names, Unlicensed unlicensed) {
  /**
   * The reading the evidence supports best: the document gives create and update as separate
   * operations (so create refuses an existing name), shows a listed variable by the name it was
   * created with, and lists 403 "Must be licensed first" for {@code GET /system/variables}.
   */
  public static final VariableReading DEFAULT =
      new VariableReading(Post.REFUSE, Names.PLAIN, Unlicensed.FORBIDDEN);

  /** A second POST of a name. */
  public enum Post {
    /** 400 "Custom variable NAME already exists"; the value is kept. */
    REFUSE,
    /** 201, and the new value replaces the old one. */
    OVERWRITE
  }

  /** The name {@code GET} lists. */
  public enum Names {
    /** As created: {@code meshctl_lock_x}. */
    PLAIN,
    /**
     * With the {@code custom_} prefix the SDK mentions ("resolvable by custom_[name]"):
     * {@code custom_meshctl_lock_x}. {@code PUT} and {@code DELETE} still take the name as created.
     */
    PREFIXED
  }

  /** Custom variables before the license is accepted. */
  public enum Unlicensed {
    /** 403 "Must be licensed first.", as the document lists for {@code GET}. */
    FORBIDDEN,
    /** They answer as on a licensed controller. */
    ANSWER
  }

  /** Reads {@code post=refuse,names=plain,unlicensed=forbidden} (any subset, any order). */
  public static VariableReading parse(String text) {
    VariableReading r = DEFAULT;
    for (String part : text.split(",")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("expected key=value, got '" + p + "'");
      }
      String key = p.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String value = p.substring(eq + 1).strip().toUpperCase(Locale.ROOT);
      try {
        r =
            switch (key) {
              case "post" -> new VariableReading(Post.valueOf(value), r.names, r.unlicensed);
              case "names" -> new VariableReading(r.post, Names.valueOf(value), r.unlicensed);
              case "unlicensed" -> new VariableReading(r.post, r.names, Unlicensed.valueOf(value));
              default -> throw new IllegalArgumentException(
                  "unknown key '" + key + "' (expected post, names or unlicensed)");
            };
      } catch (IllegalArgumentException e) {
        if (e.getMessage() != null && e.getMessage().startsWith("unknown key")) {
          throw e;
        }
        throw new IllegalArgumentException("'" + p + "': " + key + " is one of " + choices(key));
      }
    }
    return r;
  }

  private static String choices(String key) {
    return switch (key) {
      case "post" -> "refuse, overwrite";
      case "names" -> "plain, prefixed";
      default -> "forbidden, answer";
    };
  }

  /** Every combination, for tests that must hold under each. */
  public static java.util.List<VariableReading> all() {
    java.util.List<VariableReading> all = new java.util.ArrayList<>();
    for (Post p : Post.values()) {
      for (Names n : Names.values()) {
        for (Unlicensed u : Unlicensed.values()) {
          all.add(new VariableReading(p, n, u));
        }
      }
    }
    return all;
  }

  @Override
  public String toString() {
    return "post=" + post.name().toLowerCase(Locale.ROOT) + ",names=" + names.name().toLowerCase(Locale.ROOT)
        + ",unlicensed=" + unlicensed.name().toLowerCase(Locale.ROOT);
  }
}
