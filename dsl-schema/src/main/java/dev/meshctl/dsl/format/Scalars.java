package dev.meshctl.dsl.format;

import java.util.List;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * How a scalar is written: plain where that reads back as the same string, quoted only where
 * needed, multi-line text as a literal block. A plain scalar stays exactly as written (so
 * {@code 8000} stays a number and {@code yes} stays the string it was).
 */
final class Scalars {
  private static final CoreSchema CORE = new CoreSchema();
  private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";
  private static final String FLOW_INDICATORS = ",[]{}";

  private Scalars() {}

  /** Whether the scalar must be written as a literal block ({@link #blockLines}). */
  static boolean isBlock(ScalarNode s) {
    String v = s.getValue();
    return s.getScalarStyle() != ScalarStyle.PLAIN
        && v.contains("\n")
        && !v.isBlank()
        && !v.startsWith(" ")
        && printable(v.replace("\n", ""));
  }

  /** The header of a literal block: {@code |}, {@code |-} or {@code |+} for its final newlines. */
  static String blockHeader(ScalarNode s) {
    String v = s.getValue();
    if (!v.endsWith("\n")) {
      return "|-";
    }
    return v.endsWith("\n\n") ? "|+" : "|";
  }

  /** The content lines of a literal block, without indentation. */
  static List<String> blockLines(ScalarNode s) {
    String v = s.getValue();
    String body = v.endsWith("\n") ? v.substring(0, v.length() - 1) : v;
    return List.of(body.split("\n", -1));
  }

  /** The scalar on one line, in a block ({@code flow=false}) or flow collection. */
  static String inline(ScalarNode s, boolean flow) {
    String v = s.getValue();
    if (s.getScalarStyle() == ScalarStyle.PLAIN && !v.contains("\n") && !(flow && hasAny(v, FLOW_INDICATORS))) {
      return v;
    }
    // An explicitly quoted reference keeps its quotes: the author chose them.
    if (v.contains("${") && s.getScalarStyle() == ScalarStyle.SINGLE_QUOTED && printable(v)) {
      return singleQuoted(v);
    }
    if (v.contains("${") && s.getScalarStyle() == ScalarStyle.DOUBLE_QUOTED) {
      return doubleQuoted(v);
    }
    if (plainSafe(v, flow)) {
      return v;
    }
    return printable(v) ? singleQuoted(v) : doubleQuoted(v);
  }

  private static boolean plainSafe(String v, boolean flow) {
    if (v.isEmpty()
        || !printable(v)
        || !v.strip().equals(v)
        || INDICATORS.indexOf(v.charAt(0)) >= 0
        || v.contains(": ")
        || v.contains(" #")
        || v.endsWith(":")
        || (flow && hasAny(v, FLOW_INDICATORS))) {
      return false;
    }
    // Plain text that would read back as a number, boolean or null must stay quoted.
    return CORE.getScalarResolver().resolve(v, true).equals(Tag.STR);
  }

  private static boolean printable(String v) {
    return v.codePoints().allMatch(Scalars::printable);
  }

  /**
   * Whether YAML holds {@code c} as it is: not a control character, the byte-order mark, a
   * non-character YAML excludes ({@code U+FFFE}, {@code U+FFFF}) or a lone surrogate (which has no
   * UTF-8 form: written as it is, it would read back as {@code ?}).
   */
  private static boolean printable(int c) {
    return c >= 0x20
        && c != 0x7f
        && !(c >= 0x80 && c < 0xa0)
        && c != 0xfeff
        && c != 0xfffe
        && c != 0xffff
        && !(c >= 0xd800 && c <= 0xdfff);
  }

  private static boolean hasAny(String v, String chars) {
    return v.chars().anyMatch(c -> chars.indexOf(c) >= 0);
  }

  private static String singleQuoted(String v) {
    return "'" + v.replace("'", "''") + "'";
  }

  private static String doubleQuoted(String v) {
    StringBuilder sb = new StringBuilder("\"");
    v.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                  if (!printable(c)) {
                    sb.append(String.format("\\u%04x", c));
                  } else {
                    sb.appendCodePoint(c);
                  }
                }
              }
            });
    return sb.append('"').toString();
  }
}
