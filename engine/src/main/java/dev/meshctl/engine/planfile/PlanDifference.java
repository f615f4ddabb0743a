package dev.meshctl.engine.planfile;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The first difference between a plan document read from a file and the one meshctl computes, in
 * words. Generic over the JSON: any key of any action, added, removed or changed, is a difference,
 * so a field an action type gains later is covered without a change here. Object keys compare in
 * any order (JSON objects have none) and whitespace is not seen at all; arrays compare in order,
 * since a plan's order and steps are part of what it means.
 */
final class PlanDifference {
  private static final String AGAINST = " differs from the plan the spec and live state give: ";
  /** Values quoted in a message are cut here: a hostile file must not flood the terminal. */
  private static final int MAX_VALUE = 80;

  private PlanDifference() {}

  /** The first way {@code file} differs from {@code expected}, or empty when they are equal. */
  static Optional<String> first(JsonObject file, JsonObject expected) {
    for (String key : keys(expected, file)) {
      Object f = file.getValue(key);
      Object e = expected.getValue(key);
      if ("actions".equals(key) && f instanceof JsonArray fa && e instanceof JsonArray ea) {
        Optional<String> d = actions(fa, ea);
        if (d.isPresent()) {
          return d;
        }
      } else {
        Optional<String> d = value(key, f, file.containsKey(key), e, expected.containsKey(key));
        if (d.isPresent()) {
          return Optional.of("\"" + key + "\"" + AGAINST + d.get());
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> actions(JsonArray file, JsonArray expected) {
    for (int i = 0; i < Math.max(file.size(), expected.size()); i++) {
      String head = "action " + (i + 1) + AGAINST;
      if (i >= file.size()) {
        return Optional.of(head + describe(expected.getValue(i)) + " is missing from the file");
      }
      if (i >= expected.size()) {
        return Optional.of(head + describe(file.getValue(i)) + " is not in it");
      }
      Object f = file.getValue(i);
      Object e = expected.getValue(i);
      if (same(f, e)) {
        continue;
      }
      String fk = identity(f);
      String ek = identity(e);
      if (fk.equals(ek)) {
        return Optional.of(head + describe(e) + ": " + value("", f, true, e, true).orElseThrow());
      }
      if (!containsIdentity(expected, fk)) {
        return Optional.of(head + describe(f) + " is not in it");
      }
      if (!containsIdentity(file, ek)) {
        return Optional.of(head + describe(e) + " is missing from the file");
      }
      return Optional.of(
          head + "the file has " + describe(f) + " here, where the plan has " + describe(e) + " (actions reordered)");
    }
    return Optional.empty();
  }

  /** How a value at {@code path} differs, e.g. {@code parameters.name is "a" in the file, "b" in the plan}. */
  private static Optional<String> value(String path, Object f, boolean inFile, Object e, boolean inPlan) {
    if (!inFile) {
      return Optional.of(named(path) + "is missing from the file (the plan has " + show(e) + ")");
    }
    if (!inPlan) {
      return Optional.of(named(path) + "is not in the plan (the file has " + show(f) + ")");
    }
    if (f instanceof JsonObject fo && e instanceof JsonObject eo) {
      for (String key : keys(eo, fo)) {
        Optional<String> d =
            value(join(path, key), fo.getValue(key), fo.containsKey(key), eo.getValue(key), eo.containsKey(key));
        if (d.isPresent()) {
          return d;
        }
      }
      return Optional.empty();
    }
    if (f instanceof JsonArray fa && e instanceof JsonArray ea) {
      for (int i = 0; i < Math.max(fa.size(), ea.size()); i++) {
        Optional<String> d =
            value(
                path + "[" + i + "]",
                i < fa.size() ? fa.getValue(i) : null,
                i < fa.size(),
                i < ea.size() ? ea.getValue(i) : null,
                i < ea.size());
        if (d.isPresent()) {
          return d;
        }
      }
      return Optional.empty();
    }
    if (same(f, e)) {
      return Optional.empty();
    }
    return Optional.of(named(path) + "is " + show(f) + " in the file, " + show(e) + " in the plan");
  }

  /** Deep equality; numbers equal only as the same JSON number ({@code 2} is not {@code 2.0}). */
  private static boolean same(Object f, Object e) {
    if (f instanceof JsonObject fo && e instanceof JsonObject eo) {
      if (!fo.fieldNames().equals(eo.fieldNames())) {
        return false;
      }
      return fo.fieldNames().stream().allMatch(k -> same(fo.getValue(k), eo.getValue(k)));
    }
    if (f instanceof JsonArray fa && e instanceof JsonArray ea) {
      if (fa.size() != ea.size()) {
        return false;
      }
      for (int i = 0; i < fa.size(); i++) {
        if (!same(fa.getValue(i), ea.getValue(i))) {
          return false;
        }
      }
      return true;
    }
    if (f instanceof Number fn && e instanceof Number en) {
      return isIntegral(fn) == isIntegral(en) && fn.toString().equals(en.toString());
    }
    return Objects.equals(f, e);
  }

  private static boolean isIntegral(Number n) {
    return n instanceof Integer || n instanceof Long || n instanceof java.math.BigInteger;
  }

  /** The keys of {@code first}, then those only {@code second} has, each once. */
  private static Set<String> keys(JsonObject first, JsonObject second) {
    Set<String> keys = new LinkedHashSet<>(first.fieldNames());
    keys.addAll(second.fieldNames());
    return keys;
  }

  /** What names an action to a reader: its type and address. */
  private static String identity(Object action) {
    if (action instanceof JsonObject a) {
      return text(a.getValue("type")) + " " + text(a.getValue("address"));
    }
    return show(action);
  }

  private static boolean containsIdentity(JsonArray actions, String identity) {
    for (Object a : actions) {
      if (identity(a).equals(identity)) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Object action) {
    return action instanceof JsonObject ? identity(action) : "the value " + show(action);
  }

  private static String text(Object v) {
    return v instanceof String s ? cut(s) : show(v);
  }

  private static String show(Object v) {
    return cut(v == null ? "null" : Json.encode(v));
  }

  private static String cut(String s) {
    // Control characters would reach the terminal: a plan file is as untrusted as any input.
    String clean = s.codePoints()
        .map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
    return clean.length() <= MAX_VALUE ? clean : clean.substring(0, MAX_VALUE) + "…";
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static String named(String path) {
    return path.isEmpty() ? "" : path + " ";
  }
}
