package dev.meshctl.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The vendor's OpenAPI document as a response checker: finds the operation an answer belongs to
 * and validates its body against the documented schema for its status.
 *
 * <p>Undocumented error statuses (the document lists only some per operation, e.g. no 403 on
 * {@code PUT /config}) are checked against the document's generic {@code Error} schema;
 * undocumented success statuses are mismatches. A front proxy's 502/503 page (text/html, see
 * BEHAVIOUR.md) is not an API answer and is not checked.
 *
 * <p>One document defect is tolerated: a {@code oneOf} whose branches cannot be told apart (the
 * {@code cloud_data} EC2/GCE branches both allow any property and require none, so every body
 * matches both). A body matching several branches is not wrong; matching none still fails.
 */
final class OpenApiContract {
  static final String DOCUMENT = "vns3-api-6.0.0.openapi.yaml";
  private static final String URI = "https://vns3.invalid/openapi.json";

  private static final Pattern SEVERAL_BRANCHES = Pattern.compile("but ([2-9]|\\d{2,}) are valid");

  private final JsonNode doc;
  private final SchemaRegistry registry;
  private final List<Template> templates = new ArrayList<>();

  private record Template(String path, Pattern pattern, int literalLength) {}

  OpenApiContract(Path file) throws IOException {
    this.doc = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    String json = new ObjectMapper().writeValueAsString(doc);
    this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(), b -> b.schemas(Map.of(URI, json)));
    for (Iterator<String> it = doc.get("paths").fieldNames(); it.hasNext(); ) {
      String p = it.next();
      String regex = Pattern.quote(p).replaceAll("\\{[^}]+\\}", "\\\\E[^/]+\\\\Q");
      templates.add(new Template(p, Pattern.compile(regex), p.replaceAll("\\{[^}]+\\}", "").length()));
    }
    // The most literal template wins: /routes/{id}/enable over /routes/{id}.
    templates.sort(Comparator.comparingInt(Template::literalLength).reversed());
  }

  /** The document: the system property or environment variable, else ../shared/vns3 beside the repo. */
  static Optional<Path> locate() {
    String explicit = Optional.ofNullable(System.getProperty("vns3.openapi")).orElse(System.getenv("VNS3_OPENAPI"));
    if (explicit != null && !explicit.isBlank()) {
      return Optional.of(Path.of(explicit));
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve("simulator")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
        Path doc = dir.resolveSibling("shared").resolve("vns3").resolve(DOCUMENT);
        return Files.isRegularFile(doc) ? Optional.of(doc) : Optional.empty();
      }
      dir = dir.getParent();
    }
    return Optional.empty();
  }

  /** Why this answer does not match the document, empty if it does. */
  List<String> check(String method, String path, int status, String contentType, String body) {
    String what = method + " " + path + " -> " + status + ": ";
    if ((status == 502 || status == 503) && contentType != null && contentType.startsWith("text/html")) {
      return List.of();
    }
    Optional<String> template = template(path);
    JsonNode op = template.map(t -> doc.get("paths").get(t).get(method.toLowerCase(Locale.ROOT))).orElse(null);
    String pointer;
    if (op != null && op.path("responses").has(Integer.toString(status))) {
      pointer = "/paths/" + escape(template.get()) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + status;
      JsonNode response = op.get("responses").get(Integer.toString(status));
      if (response.has("$ref")) {
        pointer = response.get("$ref").asText().substring(1);
        response = at(pointer);
      }
      if (!response.path("content").has("application/json")) {
        return List.of();
      }
      pointer = pointer + "/content/application~1json/schema";
    } else if (status >= 400) {
      pointer = "/components/schemas/Error";
    } else {
      return List.of(what + (op == null ? "no such operation in the document" : "status not documented for " + template.get()));
    }
    JsonNode instance;
    try {
      instance = new ObjectMapper().readTree(body);
    } catch (IOException e) {
      return List.of(what + "body is not JSON: " + body);
    }
    if (instance == null) {
      return List.of(what + "empty body");
    }
    Schema schema = registry.getSchema(SchemaLocation.of(URI + "#" + pointer));
    List<String> out = new ArrayList<>();
    for (Error e : schema.validate(instance)) {
      if ("oneOf".equals(e.getKeyword()) && SEVERAL_BRANCHES.matcher(e.getMessage()).find()) {
        continue;
      }
      out.add(what + e.getMessage() + " (schema " + pointer + ")");
    }
    if (status >= 400 && !instance.path("error").has("message")) {
      out.add(what + "error body without error.message");
    }
    return out;
  }

  private Optional<String> template(String path) {
    return templates.stream().filter(t -> t.pattern().matcher(path).matches()).map(Template::path).findFirst();
  }

  private JsonNode at(String pointer) {
    return doc.at(pointer.replace("%7B", "{").replace("%7D", "}"));
  }

  private static String escape(String path) {
    return path.replace("~", "~0").replace("/", "~1").replace("{", "%7B").replace("}", "%7D");
  }
}
