package dev.meshctl.dsl.format;

import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.diag.SourceLocation;
import dev.meshctl.dsl.yaml.ReadResult;
import dev.meshctl.dsl.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.comments.CommentType;
import org.snakeyaml.engine.v2.events.CommentEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * {@code meshctl fmt}: the canonical text of a mesh.yaml. Keys in schema order, two-space block
 * indentation, quotes only where needed, comments kept next to what they describe, {@code ${...}}
 * references kept as written.
 *
 * <p>Formatting never changes meaning: the result is read back and compared with the input (same
 * data, same comments) before it is returned, so a layout the formatter cannot reproduce becomes a
 * diagnostic instead of a damaged file. Pure: text in, text out.
 */
public final class SpecFormatter {
  private static final KeyOrder ORDER = KeyOrder.fromSchema();

  private SpecFormatter() {}

  /**
   * Formats {@code text}; {@code file} names it in diagnostics. Text that is not valid YAML gets
   * the loader's diagnostics and no formatted text. Formatting formatted text changes nothing.
   */
  public static FormatResult format(String text, String file) {
    ReadResult before = YamlReader.read(text, file);
    if (before.document().isEmpty()) {
      return FormatResult.failed(text, before.diagnostics());
    }
    String formatted;
    List<String> comments;
    try {
      Optional<Node> root = new Compose(settings(file)).composeString(text);
      if (root.isEmpty()) {
        return FormatResult.failed(text, before.diagnostics());
      }
      formatted = CanonicalEmitter.emit(root.get(), ORDER);
      comments = comments(text, file);
    } catch (YamlEngineException e) {
      return FormatResult.failed(text, List.of(cannot(file, "its comments could not be read")));
    }
    ReadResult after = YamlReader.read(formatted, file);
    if (after.document().isEmpty()
        || !after.document().get().tree().equals(before.document().get().tree())) {
      return FormatResult.failed(text, List.of(cannot(file, "the result would not mean the same")));
    }
    if (!comments(formatted, file).equals(comments)) {
      return FormatResult.failed(text, List.of(cannot(file, "a comment is in a place it cannot keep")));
    }
    return new FormatResult(text, Optional.of(formatted), List.of());
  }

  /** Every comment's text, sorted: formatting may move comments but never lose or alter one. */
  private static List<String> comments(String text, String file) {
    List<String> out = new ArrayList<>();
    for (Event e : new Parse(settings(file)).parseString(text)) {
      if (e instanceof CommentEvent c && c.getCommentType() != CommentType.BLANK_LINE) {
        out.add(c.getValue());
      }
    }
    out.sort(null);
    return out;
  }

  private static Diagnostic cannot(String file, String why) {
    return Diagnostic.error("cannot format this file: " + why, new SourceLocation(file, 1, 1), "")
        .withHint("move comments out of flow collections ([...], {...}) and retry");
  }

  private static LoadSettings settings(String file) {
    return LoadSettings.builder()
        .setLabel(file)
        .setSchema(new CoreSchema())
        .setParseComments(true)
        .setAllowDuplicateKeys(false)
        .setCodePointLimit(YamlReader.MAX_CHARS + 1)
        .build();
  }
}
