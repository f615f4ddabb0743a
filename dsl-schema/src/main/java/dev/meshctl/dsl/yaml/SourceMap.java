package dev.meshctl.dsl.yaml;

import dev.meshctl.dsl.diag.SourceLocation;
import java.util.Map;

/**
 * Where each value and key of a YAML document starts, by spec path, so a problem found on the
 * JSON tree can point at the line and column the user wrote.
 *
 * @param file the file name as the user gave it
 * @param values the start of each value, by spec path ({@code ""} is the document)
 * @param keys the start of each mapping key, by the spec path of its value
 */
public record SourceMap(
    String file, Map<String, SourceLocation> values, Map<String, SourceLocation> keys) {

  public SourceMap {
    values = Map.copyOf(values);
    keys = Map.copyOf(keys);
  }

  /** The start of the value at {@code path}, or of its nearest enclosing value. */
  public SourceLocation value(String path) {
    String p = path;
    while (true) {
      SourceLocation at = values.get(p);
      if (at != null) {
        return at;
      }
      if (p.isEmpty()) {
        return new SourceLocation(file, 1, 1);
      }
      p = parent(p);
    }
  }

  /** The start of the key whose value is at {@code path}, or else of the value itself. */
  public SourceLocation key(String path) {
    SourceLocation at = keys.get(path);
    return at != null ? at : value(path);
  }

  static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut < 0 ? "" : path.substring(0, cut);
  }
}
