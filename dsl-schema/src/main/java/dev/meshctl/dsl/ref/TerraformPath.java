package dev.meshctl.dsl.ref;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The argument of {@code ${tf:...}}: an output name followed by any number of attribute
 * ({@code .name}), index ({@code [0]}) and key ({@code ["east-1a"]}, with the escapes of an HCL
 * string: backslash before a quote, a backslash, n, t, r, or u and four hex digits) steps, as Terraform writes them, e.g. {@code controllers["east-1a"].private_ip}.
 *
 * @param output the output's name
 * @param steps what follows it, in order
 */
public record TerraformPath(String output, List<Step> steps) {

  /** One step into a value. */
  public sealed interface Step permits Key, Index {
    /** The step as written in canonical form, e.g. {@code ["east-1a"]} or {@code [0]}. */
    String text();
  }

  /**
   * An object key, written {@code .name} or {@code ["name"]}; {@code bracketed} keeps the form
   * it was written in, so messages quote the path as the spec has it.
   */
  public record Key(String name, boolean bracketed) implements Step {
    /** A key in the shortest form that can hold it. */
    public Key(String name) {
      this(name, !name.matches("[A-Za-z_][A-Za-z0-9_-]*"));
    }

    @Override
    public String text() {
      return bracketed || !name.matches("[A-Za-z_][A-Za-z0-9_-]*") ? "[" + quote(name) + "]" : "." + name;
    }
  }

  /** A list index. */
  public record Index(int index) implements Step {
    @Override
    public String text() {
      return "[" + index + "]";
    }
  }

  /** A parse failure: what is wrong and at which character of the argument. */
  public record Problem(String message, int offset) {}

  /** A successful parse or the problem; exactly one is present. */
  public record Parsed(Optional<TerraformPath> path, Optional<Problem> problem) {}

  /** A step that did not resolve: the path up to and including it, why, and what exists there. */
  public record Missing(String pathSoFar, String message, List<String> available) {}

  public TerraformPath {
    steps = List.copyOf(steps);
  }

  /** The path in canonical form, up to (excluding) step {@code n}. */
  public String prefix(int n) {
    StringBuilder sb = new StringBuilder(output);
    steps.subList(0, n).forEach(s -> sb.append(s.text()));
    return sb.toString();
  }

  @Override
  public String toString() {
    return prefix(steps.size());
  }

  /** Parses {@code text}; never throws. */
  public static Parsed parse(String text) {
    int[] at = {0};
    Optional<String> name = identifier(text, at);
    if (name.isEmpty()) {
      return problem("an output name must start with a letter or '_'", 0);
    }
    List<Step> steps = new ArrayList<>();
    while (at[0] < text.length()) {
      char c = text.charAt(at[0]);
      if (c == '.') {
        at[0]++;
        int start = at[0];
        Optional<String> attr = identifier(text, at);
        if (attr.isEmpty()) {
          return problem("'.' must be followed by an attribute name", start);
        }
        steps.add(new Key(attr.get(), false));
      } else if (c == '[') {
        int start = at[0]++;
        if (at[0] < text.length() && text.charAt(at[0]) == '"') {
          StringBuilder key = new StringBuilder();
          Optional<Problem> p = string(text, at, key);
          if (p.isPresent()) {
            return new Parsed(Optional.empty(), p);
          }
          steps.add(new Key(key.toString(), true));
        } else {
          int digits = at[0];
          while (at[0] < text.length() && Character.isDigit(text.charAt(at[0]))) {
            at[0]++;
          }
          if (digits == at[0]) {
            return problem("'[' must be followed by an index such as [0] or a key such as [\"name\"]", start);
          }
          try {
            steps.add(new Index(Integer.parseInt(text.substring(digits, at[0]))));
          } catch (NumberFormatException e) {
            return problem("index " + text.substring(digits, at[0]) + " is too large", digits);
          }
        }
        if (at[0] >= text.length() || text.charAt(at[0]) != ']') {
          return problem("missing ']'", at[0]);
        }
        at[0]++;
      } else {
        return problem("unexpected '" + c + "': expected .name, [index] or [\"key\"]", at[0]);
      }
    }
    return new Parsed(Optional.of(new TerraformPath(name.get(), steps)), Optional.empty());
  }

  /**
   * Follows the steps into {@code value}: the value found, or the first step that does not exist.
   * Messages name keys and sizes, never values (an output may be sensitive).
   */
  public Result resolve(JsonNode value) {
    JsonNode here = value;
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      String so = prefix(i + 1);
      if (s instanceof Index ix) {
        if (!here.isArray()) {
          return Result.missing(new Missing(so, prefix(i) + " is " + kind(here) + ", not a list: it cannot be indexed", keys(here)));
        }
        if (ix.index() >= here.size()) {
          return Result.missing(
              new Missing(
                  so,
                  "index " + ix.index() + " is out of range: " + prefix(i) + " has " + here.size()
                      + (here.size() == 1 ? " item" : " items"),
                  List.of()));
        }
        here = here.get(ix.index());
      } else {
        Key k = (Key) s;
        if (!here.isObject()) {
          return Result.missing(
              new Missing(so, prefix(i) + " is " + kind(here) + ", not a map or object: it has no key " + quote(k.name()), List.of()));
        }
        if (!here.has(k.name())) {
          return Result.missing(new Missing(so, prefix(i) + " has no key " + quote(k.name()), keys(here)));
        }
        here = here.get(k.name());
      }
    }
    return new Result(Optional.of(here), Optional.empty());
  }

  /** The value a path leads to, or where it stopped. */
  public record Result(Optional<JsonNode> value, Optional<Missing> missing) {
    static Result missing(Missing m) {
      return new Result(Optional.empty(), Optional.of(m));
    }
  }

  static String kind(JsonNode n) {
    if (n.isArray()) {
      return "a list";
    }
    if (n.isObject()) {
      return "a map or object";
    }
    if (n.isNull()) {
      return "null";
    }
    return n.isTextual() ? "a string" : n.isNumber() ? "a number" : n.isBoolean() ? "a bool" : "a value";
  }

  private static List<String> keys(JsonNode n) {
    if (!n.isObject()) {
      return List.of();
    }
    TreeSet<String> keys = new TreeSet<>();
    n.fieldNames().forEachRemaining(keys::add);
    return List.copyOf(keys);
  }

  /** A key in Terraform's quoted form, escaping what must be. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  private static Parsed problem(String message, int offset) {
    return new Parsed(Optional.empty(), Optional.of(new Problem(message, offset)));
  }

  private static Optional<String> identifier(String text, int[] at) {
    int start = at[0];
    if (start >= text.length()) {
      return Optional.empty();
    }
    char first = text.charAt(start);
    if (!(Character.isLetter(first) && first < 128) && first != '_') {
      return Optional.empty();
    }
    at[0]++;
    while (at[0] < text.length()) {
      char c = text.charAt(at[0]);
      if ((c < 128 && Character.isLetterOrDigit(c)) || c == '_' || c == '-') {
        at[0]++;
      } else {
        break;
      }
    }
    return Optional.of(text.substring(start, at[0]));
  }

  /** Reads a quoted key starting at the opening quote; leaves {@code at} after the closing one. */
  private static Optional<Problem> string(String text, int[] at, StringBuilder out) {
    int open = at[0]++;
    while (at[0] < text.length()) {
      char c = text.charAt(at[0]++);
      if (c == '"') {
        return Optional.empty();
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (at[0] >= text.length()) {
        break;
      }
      char e = text.charAt(at[0]++);
      switch (e) {
        case '"' -> out.append('"');
        case '\\' -> out.append('\\');
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'u' -> {
          if (at[0] + 4 > text.length() || !text.substring(at[0], at[0] + 4).matches("[0-9A-Fa-f]{4}")) {
            return Optional.of(new Problem("\\u must be followed by 4 hex digits", at[0] - 2));
          }
          out.append((char) Integer.parseInt(text.substring(at[0], at[0] + 4), 16));
          at[0] += 4;
        }
        default -> {
          return Optional.of(new Problem("unknown escape \\" + e + " in a key: use \\\" \\\\ \\n \\t \\r or \\uXXXX", at[0] - 2));
        }
      }
    }
    return Optional.of(new Problem("unterminated key: '\"' without a closing '\"'", open));
  }
}
