package dev.meshctl.dsl.ref;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code ${scheme:argument}} syntax of string values: splits a string into literal text and
 * references. {@code $${} is a literal {@code ${}.
 */
public final class Interpolation {
  private Interpolation() {}

  /** A piece of a string value. */
  public sealed interface Part permits Literal, Ref, Broken {}

  /** Literal text. */
  public record Literal(String text) implements Part {}

  /** A reference such as {@code ${env:NAME}}: scheme {@code env}, argument {@code NAME}. */
  public record Ref(String scheme, String argument, String source) implements Part {}

  /** Text that looks like a reference but is not one; {@code problem} says why. */
  public record Broken(String problem, String source) implements Part {}

  /** Splits {@code value} into parts; a value without {@code ${} is one literal. */
  public static List<Part> parse(String value) {
    List<Part> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < value.length()) {
      if (value.startsWith("$${", i)) {
        literal.append("${");
        i += 3;
        continue;
      }
      if (!value.startsWith("${", i)) {
        literal.append(value.charAt(i++));
        continue;
      }
      if (literal.length() > 0) {
        parts.add(new Literal(literal.toString()));
        literal.setLength(0);
      }
      int end = closing(value, i + 2);
      if (end < 0) {
        parts.add(new Broken("unterminated reference: '${' without a closing '}'", value.substring(i)));
        return parts;
      }
      String source = value.substring(i, end + 1);
      String body = value.substring(i + 2, end).strip();
      int colon = body.indexOf(':');
      if (colon < 0) {
        parts.add(new Broken("reference " + source + " has no scheme", source));
      } else {
        parts.add(new Ref(body.substring(0, colon).strip(), body.substring(colon + 1).strip(), source));
      }
      i = end + 1;
    }
    if (literal.length() > 0 || parts.isEmpty()) {
      parts.add(new Literal(literal.toString()));
    }
    return parts;
  }

  /**
   * The '}' that ends the reference whose body starts at {@code from}, or -1. A '}' inside a quoted
   * key ({@code ${tf:m["a}b"]}) does not end it; escapes in the key are skipped over.
   */
  private static int closing(String value, int from) {
    boolean quoted = false;
    for (int j = from; j < value.length(); j++) {
      char c = value.charAt(j);
      if (quoted && c == '\\') {
        j++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == '}' && !quoted) {
        return j;
      }
    }
    return quoted ? value.indexOf('}', from) : -1;
  }

  /** Whether {@code value} contains at least one reference (well-formed or not). */
  public static boolean hasReference(String value) {
    return parse(value).stream().anyMatch(p -> !(p instanceof Literal));
  }
}
