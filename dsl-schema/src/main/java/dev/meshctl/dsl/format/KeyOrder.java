package dev.meshctl.dsl.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshctl.dsl.schema.MeshSchema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The canonical key order of every mapping in a spec: the order in which the JSON Schema lists its
 * properties, so a formatted spec reads in the same order as the reference documentation.
 */
final class KeyOrder {
  /** The path segment standing for "any item of a sequence". */
  static final String ITEM = "[]";

  private final JsonNode schema;

  private KeyOrder(JsonNode schema) {
    this.schema = schema;
  }

  static KeyOrder fromSchema() {
    return new KeyOrder(MeshSchema.get().tree());
  }

  /**
   * The known keys of the mapping at {@code path} (keys and {@link #ITEM}), in schema order; empty
   * when the schema does not describe that mapping.
   */
  List<String> keysAt(List<String> path) {
    JsonNode node = deref(schema);
    for (String segment : path) {
      if (node.isMissingNode()) {
        return List.of();
      }
      node = ITEM.equals(segment) ? deref(node.path("items")) : deref(node.path("properties").path(segment));
    }
    List<String> keys = new ArrayList<>();
    for (Iterator<String> it = node.path("properties").fieldNames(); it.hasNext(); ) {
      keys.add(it.next());
    }
    return keys;
  }

  private JsonNode deref(JsonNode node) {
    JsonNode ref = node.path("$ref");
    if (ref.isTextual() && ref.asText().startsWith("#/$defs/")) {
      return schema.path("$defs").path(ref.asText().substring("#/$defs/".length()));
    }
    return node;
  }
}
