package dev.meshctl.dsl.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Gives values that came from references the type the schema expects: {@code ${env:MTU}} is
 * always text, but {@code overlay_mtu} is an integer. Only whole values from references are
 * touched, and only when the text is exactly an integer or {@code true}/{@code false}; anything
 * else is left for the schema to report.
 */
public final class Coercion {
  private Coercion() {}

  /** Converts, in place, the textual values at {@code referenced} paths of {@code tree}. */
  public static void apply(JsonNode tree, Set<String> referenced) {
    JsonNode schema = MeshSchema.get().tree();
    for (String path : referenced) {
      String type = expectedType(schema, path);
      if (type.equals("integer") || type.equals("boolean")) {
        convert(tree, path, type);
      }
    }
  }

  private static void convert(JsonNode tree, String path, String type) {
    String[] parts = elements(path);
    JsonNode parent = tree;
    for (int i = 0; i < parts.length - 1 && parent != null; i++) {
      parent = step(parent, parts[i]);
    }
    String last = parts[parts.length - 1];
    JsonNode value = parent == null ? null : step(parent, last);
    if (value == null || !value.isTextual()) {
      return;
    }
    JsonNode converted = converted(value.asText().strip(), type);
    if (converted == null) {
      return;
    }
    if (parent instanceof ObjectNode o) {
      o.set(last, converted);
    } else if (parent instanceof ArrayNode a) {
      a.set(Integer.parseInt(last), converted);
    }
  }

  private static JsonNode converted(String text, String type) {
    if (type.equals("boolean")) {
      return text.equals("true") ? BooleanNode.TRUE : text.equals("false") ? BooleanNode.FALSE : null;
    }
    try {
      return IntNode.valueOf(Integer.parseInt(text));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static JsonNode step(JsonNode node, String element) {
    if (node.isArray()) {
      return element.chars().allMatch(Character::isDigit) ? node.get(Integer.parseInt(element)) : null;
    }
    return node.get(element);
  }

  /** The JSON type the schema gives the value at {@code path}, or "" if it gives none. */
  static String expectedType(JsonNode schema, String path) {
    JsonNode node = schema;
    for (String element : elements(path)) {
      node = MeshSchema.get().deref(node);
      node =
          element.chars().allMatch(Character::isDigit)
              ? node.path("items")
              : node.path("properties").path(element);
    }
    return MeshSchema.get().deref(node).path("type").asText("");
  }

  /** {@code controllers[1].peer_id} as {@code [controllers, 1, peer_id]}. */
  private static String[] elements(String path) {
    return path.replace("[", ".").replace("]", "").split("\\.");
  }
}
