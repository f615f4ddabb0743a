package dev.meshctl.dsl.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.yaml.SourceMap;
import dev.meshctl.dsl.yaml.SpecPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The JSON Schema of mesh.yaml, the single source of truth for its structure, and the validation
 * of a document against it with every error turned into a located diagnostic.
 */
public final class MeshSchema {
  /** Where the schema lives on the class path. */
  public static final String RESOURCE = "/dev/meshctl/dsl/mesh.schema.json";

  /** The schema's {@code $id}, for {@code # yaml-language-server: $schema=...}. */
  public static final String ID = "https://meshctl.dev/schema/v1/mesh.json";

  private static final MeshSchema INSTANCE = new MeshSchema();

  private final String text;
  private final JsonNode tree;
  private final Schema schema;

  private MeshSchema() {
    try (InputStream in = MeshSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      tree = new ObjectMapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(tree);
  }

  /** The shared, immutable instance. */
  public static MeshSchema get() {
    return INSTANCE;
  }

  /** The schema's JSON text, as shipped. */
  public String text() {
    return text;
  }

  /** The schema as a JSON tree (for documentation and key suggestions). */
  public JsonNode tree() {
    return tree;
  }

  /** The definition {@code node} refers to with a local {@code $ref}, or {@code node} itself. */
  public JsonNode deref(JsonNode node) {
    String ref = node.path("$ref").asText("");
    if (!ref.startsWith("#/")) {
      return node;
    }
    JsonNode target = tree;
    for (String part : ref.substring(2).split("/")) {
      target = target.path(part);
    }
    return target;
  }

  /**
   * Validates a document's tree; errors at or below a path in {@code skip} are left out (their
   * value could not be resolved, which is already reported).
   */
  public List<Diagnostic> validate(JsonNode document, SourceMap sources, Set<String> skip) {
    List<Diagnostic> out = new ArrayList<>();
    for (Error e : schema.validate(document)) {
      String path = path(e.getInstanceLocation());
      if (skipped(path, skip)) {
        continue;
      }
      out.add(new ErrorTranslator(tree, sources).translate(e, path));
    }
    return out;
  }

  private static boolean skipped(String path, Set<String> skip) {
    for (String s : skip) {
      if (path.equals(s) || path.startsWith(s + ".") || path.startsWith(s + "[")) {
        return true;
      }
    }
    return false;
  }

  /** A validator path in meshctl's printed form. */
  static String path(NodePath p) {
    String out = "";
    for (int i = 0; i < p.getNameCount(); i++) {
      Object element = p.getElement(i);
      out = element instanceof Integer n ? SpecPath.index(out, n) : SpecPath.key(out, String.valueOf(element));
    }
    return out;
  }
}
