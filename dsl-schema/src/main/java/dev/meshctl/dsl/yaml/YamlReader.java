package dev.meshctl.dsl.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.diag.SourceLocation;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads YAML text into a {@link YamlDocument}, refusing what makes a hand-written file ambiguous or
 * dangerous: tabs in indentation, duplicate keys (an error, never last-one-wins), non-string keys,
 * custom tags, alias bombs and oversized files. Never throws: every problem is a diagnostic.
 */
public final class YamlReader {
  /** The largest file accepted, in characters; a mesh of hundreds of controllers fits easily. */
  public static final int MAX_CHARS = 1 << 20;

  /** Aliases of lists or mappings allowed in one document: enough for sharing, not for a bomb. */
  static final int MAX_COLLECTION_ALIASES = 20;

  /** Nodes allowed after aliases are expanded: a second guard against exponential expansion. */
  static final int MAX_NODES = 200_000;

  private YamlReader() {}

  /** Parses {@code text}; {@code file} names it in diagnostics. */
  public static ReadResult read(String text, String file) {
    if (text.length() > MAX_CHARS) {
      return ReadResult.failed(List.of(tooLarge(file, text.length())));
    }
    List<Diagnostic> tabs = tabsInIndentation(text, file);
    if (!tabs.isEmpty()) {
      return ReadResult.failed(tabs);
    }
    Optional<Node> root;
    try {
      root = new Compose(settings(file)).composeString(text);
    } catch (MarkedYamlEngineException e) {
      return ReadResult.failed(List.of(syntaxError(e, file, text)));
    } catch (YamlEngineException e) {
      SourceLocation at =
          String.valueOf(e.getMessage()).contains("aliases")
              ? aliasOverLimit(text, file)
              : new SourceLocation(file, 1, 1);
      return ReadResult.failed(List.of(Diagnostic.error(engineMessage(e), at, "")));
    }
    if (root.isEmpty() || isNull(root.get())) {
      return ReadResult.failed(
          List.of(
              Diagnostic.error("the file is empty", new SourceLocation(file, 1, 1), "")
                  .withHint("a mesh spec starts with 'apiVersion: meshctl/v1' and 'kind: Mesh'")));
    }
    Converter converter = new Converter(file);
    JsonNode tree = converter.convert(root.get(), "");
    if (!converter.diagnostics.isEmpty()) {
      return ReadResult.failed(converter.diagnostics);
    }
    return new ReadResult(
        Optional.of(new YamlDocument(tree, new SourceMap(file, converter.values, converter.keys))),
        List.of());
  }

  /** The diagnostic for a file over {@link #MAX_CHARS}. */
  public static Diagnostic tooLarge(String file, long size) {
    return Diagnostic.error(
        "the file is too large (" + size + " bytes); the limit is " + MAX_CHARS + " bytes",
        new SourceLocation(file, 1, 1),
        "");
  }

  private static LoadSettings settings(String file) {
    return LoadSettings.builder()
        .setLabel(file)
        .setSchema(new CoreSchema())
        .setAllowDuplicateKeys(false)
        .setAllowRecursiveKeys(false)
        .setMaxAliasesForCollections(MAX_COLLECTION_ALIASES)
        .setCodePointLimit(MAX_CHARS + 1)
        .setUseMarks(true)
        .build();
  }

  // YAML forbids tabs in indentation, but the parser's own message ("found character '\t' that
  // cannot start any token") does not say so; report every such line precisely instead.
  private static List<Diagnostic> tabsInIndentation(String text, String file) {
    List<Diagnostic> out = new ArrayList<>();
    int line = 1;
    int column = 1;
    boolean indent = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        column = 1;
        indent = true;
        continue;
      }
      if (indent && c == '\t') {
        out.add(
            Diagnostic.error(
                    "tab character in indentation", new SourceLocation(file, line, column), "")
                .withHint("YAML indents with spaces only"));
        indent = false;
      } else if (c != ' ' && c != '-') {
        indent = false;
      }
      column++;
    }
    return out;
  }

  private static final Pattern ALIAS =
      Pattern.compile("(?<=^|[\\s\\[{,:-])\\*[^\\s,\\[\\]{}]+");

  // The parser reports too many aliases without a position; the first alias over the limit is
  // where the user should look (comments are skipped, quoted text is not: good enough to point).
  private static SourceLocation aliasOverLimit(String text, String file) {
    int seen = 0;
    int line = 1;
    for (String l : text.split("\n", -1)) {
      int hash = l.indexOf(" #");
      String code = l.startsWith("#") ? "" : hash >= 0 ? l.substring(0, hash) : l;
      Matcher m = ALIAS.matcher(code);
      while (m.find()) {
        if (++seen > MAX_COLLECTION_ALIASES) {
          return new SourceLocation(file, line, m.start() + 1);
        }
      }
      line++;
    }
    return new SourceLocation(file, 1, 1);
  }

  private static Diagnostic syntaxError(MarkedYamlEngineException e, String file, String text) {
    Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
    SourceLocation at =
        mark.map(m -> new SourceLocation(file, m.getLine() + 1, m.getColumn() + 1))
            .orElse(new SourceLocation(file, 1, 1));
    String problem = e.getProblem() == null ? "malformed YAML" : e.getProblem();
    String context = e.getContext() == null ? "" : e.getContext() + ": ";
    Diagnostic d = Diagnostic.error("invalid YAML: " + context + problem, at, "");
    // Inside { } or [ ], the braces of ${...} end the flow collection early: the usual cause.
    String line = text.lines().skip(at.line() - 1L).findFirst().orElse("");
    return context.contains("flow") && line.contains("${")
        ? d.withHint("quote values that contain ${...} inside { } or [ ], e.g. \"${env:NAME}\"")
        : d;
  }

  private static String engineMessage(YamlEngineException e) {
    String m = String.valueOf(e.getMessage());
    if (m.contains("aliases")) {
      return "too many aliases: at most "
          + MAX_COLLECTION_ALIASES
          + " aliases of lists or mappings are allowed";
    }
    if (m.contains("code points")) {
      return "the file is too large; the limit is " + MAX_CHARS + " characters";
    }
    return "invalid YAML: " + m.lines().findFirst().orElse(m);
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
  }

  static SourceLocation at(String file, Node node) {
    return node.getStartMark()
        .map(m -> new SourceLocation(file, m.getLine() + 1, m.getColumn() + 1))
        .orElse(new SourceLocation(file, 1, 1));
  }

  /** Turns the node tree into a JSON tree, recording positions and collecting problems. */
  private static final class Converter {
    private final String file;
    private final Map<String, SourceLocation> values = new HashMap<>();
    private final Map<String, SourceLocation> keys = new HashMap<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private int nodes;
    private boolean tooMany;

    Converter(String file) {
      this.file = file;
    }

    JsonNode convert(Node node, String path) {
      if (++nodes > MAX_NODES) {
        if (!tooMany) {
          tooMany = true;
          diagnostics.add(
              Diagnostic.error(
                  "the document expands to more than " + MAX_NODES + " values (alias bomb?)",
                  at(file, node),
                  path));
        }
        return JsonNodeFactory.instance.nullNode();
      }
      values.putIfAbsent(path, at(file, node));
      if (node instanceof MappingNode m) {
        return mapping(m, path);
      }
      if (node instanceof SequenceNode s) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        List<Node> items = s.getValue();
        for (int i = 0; i < items.size() && !tooMany; i++) {
          array.add(convert(items.get(i), SpecPath.index(path, i)));
        }
        return array;
      }
      return scalar((ScalarNode) node, path);
    }

    private JsonNode mapping(MappingNode m, String path) {
      ObjectNode object = JsonNodeFactory.instance.objectNode();
      Map<String, Node> seen = new HashMap<>();
      for (NodeTuple t : m.getValue()) {
        if (tooMany) {
          break;
        }
        if (!(t.getKeyNode() instanceof ScalarNode k) || !isPlainKey(k)) {
          diagnostics.add(
              Diagnostic.error("a key must be a plain string", at(file, t.getKeyNode()), path));
          continue;
        }
        String key = k.getValue();
        String child = SpecPath.key(path, key);
        Node first = seen.putIfAbsent(key, k);
        if (first != null) {
          SourceLocation firstAt = at(file, first);
          diagnostics.add(
              Diagnostic.error(
                      "duplicate key '" + key + "' (first defined at line " + firstAt.line() + ")",
                      at(file, k),
                      child)
                  .withHint("a key may appear only once in a mapping"));
          continue;
        }
        keys.put(child, at(file, k));
        object.set(key, convert(t.getValueNode(), child));
      }
      return object;
    }

    private static boolean isPlainKey(ScalarNode k) {
      Tag tag = k.getTag();
      return Tag.STR.equals(tag) || Tag.INT.equals(tag) || Tag.BOOL.equals(tag);
    }

    private JsonNode scalar(ScalarNode s, String path) {
      JsonNodeFactory f = JsonNodeFactory.instance;
      String v = s.getValue();
      Tag tag = s.getTag();
      // SnakeYAML tags a plain ${NAME} for its own variable substitution; meshctl resolves ${...}
      // itself, later, so such a value is just a string here.
      if (Tag.STR.equals(tag) || Tag.ENV_TAG.equals(tag)) {
        return f.textNode(v);
      }
      if (Tag.NULL.equals(tag)) {
        return f.nullNode();
      }
      if (Tag.BOOL.equals(tag)) {
        return f.booleanNode(v.equalsIgnoreCase("true"));
      }
      if (Tag.INT.equals(tag)) {
        return integer(v).<JsonNode>map(f::numberNode).orElseGet(() -> f.textNode(v));
      }
      if (Tag.FLOAT.equals(tag)) {
        return floating(v).<JsonNode>map(f::numberNode).orElseGet(() -> f.textNode(v));
      }
      diagnostics.add(
          Diagnostic.error("unsupported YAML tag " + tag.getValue(), at(file, s), path)
              .withHint("write a plain value without a '!' tag"));
      return f.nullNode();
    }

    private static Optional<BigInteger> integer(String v) {
      try {
        String t = v.startsWith("+") ? v.substring(1) : v;
        if (t.startsWith("0x")) {
          return Optional.of(new BigInteger(t.substring(2), 16));
        }
        if (t.startsWith("0o")) {
          return Optional.of(new BigInteger(t.substring(2), 8));
        }
        return Optional.of(new BigInteger(t));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }

    private static Optional<Double> floating(String v) {
      String t = v.toLowerCase(java.util.Locale.ROOT);
      if (t.endsWith(".inf")) {
        return Optional.of(t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
      }
      if (t.equals(".nan")) {
        return Optional.of(Double.NaN);
      }
      try {
        return Optional.of(Double.parseDouble(v));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
  }
}
