package dev.meshctl.engine.plan;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code parameters} object of a saved plan's action, read with the checks every action type
 * needs: a missing or mistyped value is an {@link IllegalArgumentException} naming it.
 */
public record ActionParameters(JsonObject json) {

  /**
   * An action's parameters in the order given, from alternating keys and values: an empty
   * {@code Optional} is left out and a present one written as its value, as the readers expect.
   */
  public static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> p = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      String key = (String) keysAndValues[i];
      Object v = keysAndValues[i + 1];
      if (v instanceof Optional<?> o) {
        o.ifPresent(x -> p.put(key, x));
      } else {
        p.put(key, v);
      }
    }
    return p;
  }

  /** A text value the action cannot do without. */
  public String text(String key) {
    String v = json.getString(key);
    if (v == null) {
      throw missing(key);
    }
    return v;
  }

  /** A text value the action may lack. */
  public Optional<String> optionalText(String key) {
    return Optional.ofNullable(json.getString(key));
  }

  /** A whole number the action cannot do without. */
  public int number(String key) {
    Integer v = json.getInteger(key);
    if (v == null) {
      throw missing(key);
    }
    return v;
  }

  /** A flag, false when absent. */
  public boolean flag(String key) {
    return Boolean.TRUE.equals(json.getBoolean(key));
  }

  private static IllegalArgumentException missing(String key) {
    return new IllegalArgumentException("missing parameter \"" + key + "\"");
  }
}
