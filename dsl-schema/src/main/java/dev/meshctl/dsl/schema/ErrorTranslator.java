package dev.meshctl.dsl.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.model.Secret;
import dev.meshctl.dsl.yaml.SourceMap;
import dev.meshctl.dsl.yaml.SpecPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns one JSON Schema validation error into a diagnostic a person can act on: plain words,
 * the line and column of the offending key or value, and a "did you mean" where one helps.
 */
final class ErrorTranslator {
  /** What a pattern means, by the schema property or definition that carries it. */
  private static final Map<String, String> PATTERNS =
      Map.of(
          "duration", "a duration such as 500ms, 30s, 5m, 1h or 1m30s",
          "name", "a name of letters, digits, '_', '.' and '-', starting with a letter or digit",
          "fingerprint_sha256", "a SHA-256 fingerprint of 64 hex digits (colons allowed)");

  private final JsonNode schema;
  private final SourceMap sources;

  ErrorTranslator(JsonNode schema, SourceMap sources) {
    this.schema = schema;
    this.sources = sources;
  }

  Diagnostic translate(Error e, String path) {
    String keyword = String.valueOf(e.getKeyword());
    String name = "'" + (path.isEmpty() ? "document" : SpecPath.leaf(path)) + "'";
    JsonNode value =
        SecretKeys.isSecret(path) ? redacted(e.getInstanceNode()) : e.getInstanceNode();
    JsonNode rule = e.getSchemaNode();
    switch (keyword) {
      case "additionalProperties", "unevaluatedProperties" -> {
        String key = e.getProperty();
        String child = SpecPath.key(path, key);
        List<String> allowed = allowedKeys(e);
        Diagnostic d = Diagnostic.error("unknown key '" + key + "'", sources.key(child), child);
        return d.withHint(
            Suggestions.didYouMean(key, allowed)
                .orElse("allowed keys here: " + String.join(", ", allowed)));
      }
      case "required" -> {
        String child = SpecPath.key(path, e.getProperty());
        return Diagnostic.error(
            "missing required key '" + e.getProperty() + "'", sources.value(path), child);
      }
      case "type" -> {
        if (path.isEmpty()) {
          return Diagnostic.error(
              "a spec must be a mapping of keys (apiVersion, kind, metadata, ...), found " + describe(value),
              sources.value(path),
              path);
        }
        return Diagnostic.error(
            name + " must be " + article(expectedType(rule)) + ", found " + describe(value),
            sources.value(path),
            path);
      }
      case "const" -> {
        return Diagnostic.error(
            name + " must be " + rule.asText() + ", found " + describe(value),
            sources.value(path),
            path);
      }
      case "enum" -> {
        List<String> options = new ArrayList<>();
        rule.forEach(o -> options.add(o.asText()));
        Diagnostic d =
            Diagnostic.error(
                name + " must be one of " + String.join(", ", options) + ", found " + describe(value),
                sources.value(path),
                path);
        return value.isTextual()
            ? Suggestions.didYouMean(value.asText(), options).map(d::withHint).orElse(d)
            : d;
      }
      case "minimum" -> {
        return Diagnostic.error(
            name + " must be at least " + rule.asText() + ", found " + value,
            sources.value(path),
            path);
      }
      case "maximum" -> {
        return Diagnostic.error(
            name + " must be at most " + rule.asText() + ", found " + value,
            sources.value(path),
            path);
      }
      case "minLength" -> {
        return Diagnostic.error(name + " must not be empty", sources.value(path), path);
      }
      case "minItems", "maxItems" -> {
        int size = value.size();
        String limit = keyword.equals("minItems") ? "at least " : "at most ";
        return Diagnostic.error(
            name + " must have " + limit + items(rule.asInt()) + ", found " + size,
            sources.value(path),
            path);
      }
      case "pattern" -> {
        String what = PATTERNS.getOrDefault(patternOwner(e), "text matching " + rule.asText());
        return Diagnostic.error(
            name + " must be " + what + ", found " + describe(value), sources.value(path), path);
      }
      default -> {
        return Diagnostic.error(name + " " + e.getMessage(), sources.value(path), path);
      }
    }
  }

  private static String items(int n) {
    return n + (n == 1 ? " item" : " items");
  }

  /** The keys the schema allows in the mapping that the error is about. */
  private List<String> allowedKeys(Error e) {
    JsonNode owner = navigate(e.getSchemaLocation().getFragment(), 1);
    List<String> keys = new ArrayList<>();
    owner.path("properties").fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  private String patternOwner(Error e) {
    NodePath f = e.getSchemaLocation().getFragment();
    return f.getNameCount() < 2 ? "" : String.valueOf(f.getElement(f.getNameCount() - 2));
  }

  /** The schema node at {@code fragment} without its last {@code drop} elements. */
  private JsonNode navigate(NodePath fragment, int drop) {
    JsonNode node = schema;
    for (int i = 0; i < fragment.getNameCount() - drop; i++) {
      Object element = fragment.getElement(i);
      node = element instanceof Integer n ? node.path(n) : node.path(String.valueOf(element));
    }
    return node;
  }

  private static String expectedType(JsonNode rule) {
    return switch (rule.asText()) {
      case "object" -> "mapping";
      case "array" -> "list";
      case "string" -> "string";
      case "integer" -> "integer";
      case "boolean" -> "boolean (true or false)";
      case "number" -> "number";
      default -> rule.asText();
    };
  }

  private static String article(String noun) {
    return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
  }

  /** A stand-in that reveals nothing of a secret scalar; lists and mappings stay as they are. */
  private static JsonNode redacted(JsonNode value) {
    return value == null || value.isContainerNode() || value.isNull()
        ? value
        : TextNode.valueOf(Secret.REDACTED);
  }

  /** A short description of a found value, e.g. {@code the string 'abc'} or {@code a list}. */
  static String describe(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "nothing";
    }
    if (value.isNull()) {
      return "an empty value";
    }
    if (value.isObject()) {
      return "a mapping";
    }
    if (value.isArray()) {
      return "a list";
    }
    if (value.isBoolean()) {
      return "the boolean " + value.asText();
    }
    if (value.isIntegralNumber()) {
      return "the integer " + value.asText();
    }
    if (value.isNumber()) {
      return "the number " + value.asText();
    }
    String text = value.asText();
    return "'" + (text.length() > 60 ? text.substring(0, 57) + "..." : text) + "'";
  }
}
