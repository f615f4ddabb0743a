package dev.meshctl.dsl.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.ref.SpecFiles;
import dev.meshctl.dsl.yaml.SourceMap;
import dev.meshctl.dsl.yaml.SpecPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the semantic checks look at: the resolved tree (which may still break the schema, so every
 * check reads it defensively), where each value was written, and which values came from
 * references.
 *
 * @param tree the resolved document
 * @param sources where each value was written
 * @param files the files next to the spec
 * @param referenced paths whose value came from a {@code ${...}} reference
 * @param unresolved paths whose reference could not be resolved; checks skip them
 */
public record CheckContext(
    JsonNode tree, SourceMap sources, SpecFiles files, Set<String> referenced, Set<String> unresolved) {

  /** The text at {@code path} when it is a resolved, non-blank string, else empty. */
  Optional<String> text(String path) {
    if (unresolved.contains(path)) {
      return Optional.empty();
    }
    JsonNode n = at(path);
    // An empty string is already a schema error wherever a value is required.
    return n.isTextual() && !n.asText().isBlank() ? Optional.of(n.asText()) : Optional.empty();
  }

  /** The node at a spec path ({@code a.b[1].c}), or a missing node. */
  JsonNode at(String path) {
    JsonNode n = tree;
    if (path.isEmpty()) {
      return n;
    }
    for (String part : path.split("\\.")) {
      int bracket = part.indexOf('[');
      String key = bracket < 0 ? part : part.substring(0, bracket);
      n = n.path(key);
      while (bracket >= 0) {
        int close = part.indexOf(']', bracket);
        n = n.path(Integer.parseInt(part.substring(bracket + 1, close)));
        bracket = part.indexOf('[', close);
      }
    }
    return n;
  }

  /** The controllers' paths, in order ({@code controllers[0]}, ...). */
  List<String> controllerPaths() {
    List<String> out = new ArrayList<>();
    JsonNode list = tree.path("controllers");
    for (int i = 0; list.isArray() && i < list.size(); i++) {
      out.add(SpecPath.index("controllers", i));
    }
    return out;
  }

  /** The controller names in order (null where a name is missing or not text). */
  List<String> controllerNames() {
    List<String> out = new ArrayList<>();
    for (String c : controllerPaths()) {
      out.add(text(SpecPath.key(c, "name")).orElse(null));
    }
    return out;
  }

  /** The index of the root controller: the one {@code root} names, else the first. */
  int rootIndex() {
    int i = text("root").map(controllerNames()::indexOf).orElse(0);
    return Math.max(i, 0);
  }

  Diagnostic error(String message, String path) {
    return Diagnostic.error(message, sources.value(path), path);
  }

  Diagnostic warning(String message, String path) {
    return Diagnostic.warning(message, sources.value(path), path);
  }
}
