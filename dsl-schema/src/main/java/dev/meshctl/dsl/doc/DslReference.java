package dev.meshctl.dsl.doc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshctl.dsl.schema.MeshSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Generates {@code docs/dsl.md} from the JSON Schema: an introduction, a complete annotated
 * example, and a table of every field. Run {@code main} with the output path to regenerate it.
 */
public final class DslReference {
  private DslReference() {}

  /** Writes the reference to {@code args[0]} (default {@code docs/dsl.md}). */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "docs/dsl.md");
    Files.writeString(out, render(), StandardCharsets.UTF_8);
  }

  /** The whole reference page. */
  public static String render() {
    JsonNode schema = MeshSchema.get().tree();
    StringBuilder sb = new StringBuilder(resource("intro.md"));
    sb.append("\n## A complete example\n\n```yaml\n").append(example()).append("```\n");
    sb.append("\n## Every field\n\n");
    sb.append("Keys marked **required** must be present. `[]` marks the items of a list.\n");
    Iterator<String> sections = schema.path("properties").fieldNames();
    Set<String> required = names(schema.path("required"));
    while (sections.hasNext()) {
      String key = sections.next();
      JsonNode node = schema.path("properties").path(key);
      sb.append("\n### ").append(key).append("\n\n");
      sb.append(describe(schema, node)).append("\n\n");
      sb.append("| key | type | description |\n| --- | --- | --- |\n");
      List<String> rows = new ArrayList<>();
      row(schema, key, node, required.contains(key), rows);
      rows.forEach(r -> sb.append(r).append('\n'));
    }
    return sb.toString();
  }

  /** The annotated example shown in the reference, also checked by a test to be a valid spec. */
  public static String example() {
    return resource("example.yaml");
  }

  private static void row(JsonNode schema, String path, JsonNode node, boolean required, List<String> rows) {
    JsonNode target = MeshSchema.get().deref(node);
    rows.add(
        "| `" + path + "`" + (required ? " **required**" : "") + " | " + type(schema, node) + " | "
            + escape(describe(schema, node)) + " |");
    boolean list = "array".equals(target.path("type").asText()) && target.has("items");
    JsonNode object = list ? MeshSchema.get().deref(target.get("items")) : target;
    String prefix = list ? path + "[]" : path;
    Set<String> needed = names(object.path("required"));
    object
        .path("properties")
        .fields()
        .forEachRemaining(
            f -> row(schema, prefix + "." + f.getKey(), f.getValue(), needed.contains(f.getKey()), rows));
  }

  private static String type(JsonNode schema, JsonNode node) {
    JsonNode t = MeshSchema.get().deref(node);
    if (t.has("const")) {
      return "`" + t.get("const").asText() + "`";
    }
    if (t.has("enum")) {
      List<String> values = new ArrayList<>();
      t.get("enum").forEach(v -> values.add("`" + v.asText() + "`"));
      return String.join(" \\| ", values);
    }
    String ref = node.path("$ref").asText("");
    if (ref.endsWith("/duration")) {
      return "duration";
    }
    String type = t.path("type").asText("any");
    if (type.equals("array")) {
      JsonNode items = MeshSchema.get().deref(t.path("items"));
      String ofRef = t.path("items").path("$ref").asText("");
      return "list of " + (ofRef.isEmpty() ? items.path("type").asText("any") : ofRef.substring(ofRef.lastIndexOf('/') + 1));
    }
    if (type.equals("object")) {
      return "mapping";
    }
    if (type.equals("integer") && (t.has("minimum") || t.has("maximum"))) {
      return "integer " + t.path("minimum").asText("") + ".." + t.path("maximum").asText("");
    }
    return type;
  }

  /** A property's own description, else that of the definition it refers to. */
  private static String describe(JsonNode schema, JsonNode node) {
    return node.has("description") ? node.get("description").asText() : MeshSchema.get().deref(node).path("description").asText("");
  }

  private static Set<String> names(JsonNode array) {
    Set<String> out = new HashSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static String escape(String text) {
    return text.replace("|", "\\|");
  }

  private static String resource(String name) {
    try (InputStream in = DslReference.class.getResourceAsStream("/dev/meshctl/dsl/doc/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
