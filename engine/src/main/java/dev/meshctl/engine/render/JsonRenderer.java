package dev.meshctl.engine.render;

import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.engine.diff.Change;
import dev.meshctl.engine.diff.FieldChange;
import dev.meshctl.engine.diff.Ignored;
import dev.meshctl.engine.diff.MeshDiff;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The machine-readable form of a diff (a plan's is {@code planfile.PlanFile#json}), {@code "format_version": 1}, documented in
 * docs/plan-format.md. Keys come in a fixed order and lists sorted, so the same input gives the
 * same bytes.
 */
public final class JsonRenderer {
  /** Bumped on any change a reader could trip on; readers refuse versions they do not know. */
  public static final int FORMAT_VERSION = 1;

  private JsonRenderer() {}

  public static JsonObject diff(MeshDiff diff) {
    JsonArray changes = new JsonArray();
    for (Change c : diff.changes()) {
      JsonArray fields = new JsonArray();
      for (FieldChange f : c.fields()) {
        fields.add(
            new JsonObject()
                .put("name", f.name())
                .put("before", f.before().orElse(null))
                .put("after", f.after().orElse(null)));
      }
      JsonObject change =
          new JsonObject()
              .put("address", c.address().toString())
              .put("action", c.action().jsonName())
              .put("fields", fields);
      c.liveId().ifPresent(id -> change.put("live_id", id));
      changes.add(change);
    }
    JsonArray ignored = new JsonArray();
    for (Ignored i : diff.ignored()) {
      ignored.add(new JsonObject().put("address", i.address().toString()).put("reason", i.reason()));
    }
    return new JsonObject()
        .put("format_version", FORMAT_VERSION)
        .put("kind", "diff")
        .put("changes", changes)
        .put("ignored", ignored)
        .put("problems", diagnostics(diff.problems()))
        .put("warnings", diagnostics(diff.warnings()))
        .put("unreadable", unreadable(diff))
        .put("summary", summary(PlanSummary.of(diff)));
  }

  /** {@code {"add", "change", "delete"}}, as both documents carry it. */
  public static JsonObject summary(PlanSummary s) {
    return new JsonObject().put("add", s.add()).put("change", s.change()).put("delete", s.delete());
  }

  /**
   * Diagnostics as every JSON output lists them (diff, plan, apply events, errors of any command
   * run with {@code --json}): one {@link #diagnostic} each.
   */
  public static JsonArray diagnostics(List<Diagnostic> ds) {
    JsonArray out = new JsonArray();
    ds.forEach(d -> out.add(diagnostic(d)));
    return out;
  }

  /**
   * {@code {"severity", "address", "message", "detail", "hint", "file", "line", "column"}}: {@code
   * message} is the one-line summary; {@code address} the resource address or spec path, empty when
   * the problem has none; the others {@code null} when absent.
   */
  public static JsonObject diagnostic(Diagnostic d) {
    return new JsonObject()
        .put("severity", d.severity().label())
        .put("address", d.path())
        .put("message", d.message())
        .put("detail", d.detail().orElse(null))
        .put("hint", d.hint().orElse(null))
        .put("file", d.location().map(l -> l.file()).orElse(null))
        .put("line", d.location().map(l -> l.line()).orElse(null))
        .put("column", d.location().map(l -> l.column()).orElse(null));
  }

  private static JsonArray unreadable(MeshDiff diff) {
    JsonArray out = new JsonArray();
    diff.unreadable()
        .forEach((c, reason) -> out.add(new JsonObject().put("controller", c).put("reason", reason)));
    return out;
  }
}
