package dev.meshctl.engine.client;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The shape of a JSON answer, learnt from recorded answers: which keys an object always has and
 * the JSON type of each value, recursively. Maps keyed by ids or positions ({@code "1"},
 * {@code "2"}, ..., or paths named as keyed) are compared by their values' shape, whatever the
 * keys. A recorded {@code null} says nothing about the type. Timestamps are part of the shape:
 * where every recorded string is a timestamp of one form ({@code 2020-01-24 20:39:59 +0000} or
 * ISO 8601), the answer's must be of that form too.
 *
 * <p>An answer fits the shape when it has every key the recorded objects always have, and every
 * value it shares with them has a type they showed. Keys the recordings never show are not
 * mismatches here (the recordings are samples, not the whole API); {@link #extras} lists them.
 */
final class JsonShape {
  private final Set<String> types = new TreeSet<>();
  private final Map<String, JsonShape> fields = new TreeMap<>();
  private final Set<String> required = new TreeSet<>();
  private JsonShape values;
  private JsonShape elements;
  private boolean keyed;
  private TimeFormat time;

  /** The timestamp forms the recorded answers use. */
  private enum TimeFormat {
    VNS3("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d [+-]\\d{4}", "2020-01-24 20:39:59 +0000"),
    ISO("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?([+-]\\d\\d:\\d\\d|Z)", "2020-01-24T20:42:56.500+00:00");

    final String pattern;
    final String example;

    TimeFormat(String pattern, String example) {
      this.pattern = pattern;
      this.example = example;
    }

    static TimeFormat of(Object v) {
      if (v instanceof String s) {
        for (TimeFormat f : values()) {
          if (s.matches(f.pattern)) {
            return f;
          }
        }
      }
      return null;
    }
  }

  private JsonShape() {}

  /**
   * The shape of {@code samples}, each a value decoded by Vert.x.
   *
   * @param keyedPaths paths whose objects are maps keyed by data (e.g. {@code $.response} of
   *     {@code GET /system/variables}, keyed by collection); all-numeric keys are found alone
   */
  static JsonShape of(List<Object> samples, Set<String> keyedPaths) {
    return build(samples, "$", keyedPaths);
  }

  private static JsonShape build(List<Object> samples, String path, Set<String> keyedPaths) {
    JsonShape s = new JsonShape();
    List<JsonObject> objects = new ArrayList<>();
    List<Object> items = new ArrayList<>();
    for (Object v : samples) {
      if (v == null) {
        continue;
      }
      s.types.add(type(v));
      if (v instanceof JsonObject o) {
        objects.add(o);
      } else if (v instanceof JsonArray a) {
        a.forEach(items::add);
      }
    }
    if (!objects.isEmpty()) {
      s.keyed = keyedPaths.contains(path) || objects.stream().allMatch(JsonShape::numericKeys);
      if (s.keyed) {
        List<Object> all = new ArrayList<>();
        objects.forEach(o -> o.forEach(e -> all.add(e.getValue())));
        s.values = build(all, path + ".*", keyedPaths);
      } else {
        Set<String> keys = new TreeSet<>();
        objects.forEach(o -> keys.addAll(o.fieldNames()));
        for (String k : keys) {
          List<Object> vs = new ArrayList<>();
          objects.stream().filter(o -> o.containsKey(k)).forEach(o -> vs.add(o.getValue(k)));
          s.fields.put(k, build(vs, path + "." + k, keyedPaths));
          if (objects.stream().allMatch(o -> o.containsKey(k))) {
            s.required.add(k);
          }
        }
      }
    }
    if (!items.isEmpty()) {
      s.elements = build(items, path + "[]", keyedPaths);
    }
    List<TimeFormat> times = samples.stream().filter(v -> v instanceof String).map(TimeFormat::of).distinct().toList();
    if (times.size() == 1 && times.get(0) != null && s.types.equals(Set.of("string"))) {
      s.time = times.get(0);
    }
    return s;
  }

  /** Where {@code actual} departs from this shape, one line each, by JSON path. */
  List<String> mismatches(Object actual) {
    List<String> out = new ArrayList<>();
    check(actual, "$", out, new ArrayList<>());
    return out;
  }

  /** Keys {@code actual} has that no recording shows, by JSON path. */
  List<String> extras(Object actual) {
    List<String> out = new ArrayList<>();
    check(actual, "$", new ArrayList<>(), out);
    return out;
  }

  private void check(Object actual, String path, List<String> out, List<String> extras) {
    if (actual == null || types.isEmpty()) {
      return;
    }
    String t = type(actual);
    if (!types.contains(t)) {
      out.add(path + ": " + t + ", recorded " + String.join(" or ", types));
      return;
    }
    if (time != null && TimeFormat.of(actual) != time) {
      out.add(path + ": \"" + actual + "\", recorded timestamps like \"" + time.example + "\"");
    }
    if (actual instanceof JsonObject o) {
      if (keyed && values != null) {
        o.forEach(e -> values.check(e.getValue(), path + "." + e.getKey(), out, extras));
        return;
      }
      for (String k : required) {
        if (!o.containsKey(k)) {
          out.add(path + "." + k + ": missing");
        }
      }
      for (Map.Entry<String, Object> e : o) {
        JsonShape f = fields.get(e.getKey());
        if (f == null) {
          if (!fields.isEmpty()) {
            extras.add(path + "." + e.getKey());
          }
        } else {
          f.check(e.getValue(), path + "." + e.getKey(), out, extras);
        }
      }
    } else if (actual instanceof JsonArray a && elements != null) {
      for (int i = 0; i < a.size(); i++) {
        elements.check(a.getValue(i), path + "[" + i + "]", out, extras);
      }
    }
  }

  private static boolean numericKeys(JsonObject o) {
    return !o.isEmpty() && o.fieldNames().stream().allMatch(k -> k.matches("\\d+"));
  }

  static String type(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Boolean) {
      return "boolean";
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof BigInteger) {
      return "integer";
    }
    if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
      return "number";
    }
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof JsonArray) {
      return "array";
    }
    return "object";
  }
}
