package dev.meshctl.dsl.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.diag.SourceLocation;
import dev.meshctl.dsl.model.Endpoint;
import dev.meshctl.dsl.yaml.ReadResult;
import dev.meshctl.dsl.yaml.YamlDocument;
import dev.meshctl.dsl.yaml.YamlReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A file that points a spec's controllers somewhere else without editing the spec, e.g. at
 * simulated controllers: a YAML or JSON mapping of controller name, or of the host the spec gives
 * (such as a public IP from Terraform), to an endpoint ({@code host:port}, {@code http://host:port}
 * or {@code https://host:port}).
 *
 * @param entries the valid entries, by key
 * @param diagnostics problems in the file, located in it
 */
public record EndpointMap(Map<String, Entry> entries, List<Diagnostic> diagnostics) {

  /** One mapping: the endpoint text to use and where its key was written. */
  public record Entry(String endpoint, SourceLocation at) {}

  /** Parses the map file's {@code text}; {@code file} names it in diagnostics. */
  public static EndpointMap parse(String text, String file) {
    ReadResult read = YamlReader.read(text, file);
    if (read.document().isEmpty()) {
      return new EndpointMap(Map.of(), read.diagnostics());
    }
    YamlDocument doc = read.document().get();
    List<Diagnostic> problems = new ArrayList<>();
    if (!doc.tree().isObject()) {
      problems.add(
          Diagnostic.error(
              "an endpoint map must be a mapping of controller name or host to endpoint",
              doc.sourceMap().value(""),
              ""));
      return new EndpointMap(Map.of(), problems);
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    doc.tree()
        .fields()
        .forEachRemaining(
            f -> {
              SourceLocation value = doc.sourceMap().value(f.getKey());
              if (!f.getValue().isTextual() || Endpoint.parse(f.getValue().asText()).isEmpty()) {
                problems.add(
                    Diagnostic.error("'" + f.getValue().asText() + "' is not an endpoint", value, f.getKey())
                        .withHint("write " + Endpoint.FORMS));
              } else {
                entries.put(f.getKey(), new Entry(f.getValue().asText(), doc.sourceMap().key(f.getKey())));
              }
            });
    return new EndpointMap(entries, problems);
  }

  /**
   * Rewrites the endpoints of {@code tree}'s controllers in place: by controller name first, else
   * by the host of the endpoint the spec gives. Entries that match nothing are errors: a typo must
   * not leave a real controller as the target.
   */
  public List<Diagnostic> apply(JsonNode tree) {
    Set<String> used = new HashSet<>();
    JsonNode controllers = tree.path("controllers");
    for (int i = 0; controllers.isArray() && i < controllers.size(); i++) {
      if (!(controllers.get(i) instanceof ObjectNode c)) {
        continue;
      }
      String name = c.path("name").asText("");
      Optional<String> host =
          Optional.of(c.path("endpoint")).filter(JsonNode::isTextual).flatMap(e -> Endpoint.parse(e.asText())).map(Endpoint::host);
      String key = entries.containsKey(name) ? name : host.filter(entries::containsKey).orElse(null);
      if (key != null) {
        c.set("endpoint", TextNode.valueOf(entries.get(key).endpoint()));
        used.add(key);
      }
    }
    List<Diagnostic> out = new ArrayList<>();
    entries.forEach(
        (key, entry) -> {
          if (!used.contains(key)) {
            out.add(
                Diagnostic.error("endpoint map entry '" + key + "' matches no controller name or endpoint host", entry.at(), key));
          }
        });
    return out;
  }
}
