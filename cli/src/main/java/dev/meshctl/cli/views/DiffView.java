package dev.meshctl.cli.views;

import dev.meshctl.dsl.model.Masker;
import dev.meshctl.engine.diff.MeshDiff;
import dev.meshctl.engine.render.HumanRenderer;
import dev.meshctl.engine.render.JsonRenderer;
import dev.meshctl.engine.render.Style;
import java.io.PrintWriter;

/** What {@code meshctl diff} shows: the differences, field by field. */
public interface DiffView extends View {
  void diff(MeshDiff diff);

  static DiffView of(boolean json, Style style, PrintWriter out, PrintWriter err, Masker masker) {
    return json ? new Json(out, err, masker) : new Human(style, out, err, masker);
  }

  final class Human extends HumanView implements DiffView {
    private final Style style;

    Human(Style style, PrintWriter out, PrintWriter err, Masker masker) {
      super(out, err, masker);
      this.style = style;
    }

    @Override
    public void diff(MeshDiff diff) {
      out.print(new HumanRenderer(style).diff(diff));
      out.flush();
    }
  }

  /** The diff document of docs/plan-format.md, with the command's diagnostics. */
  final class Json extends JsonDocumentView implements DiffView {
    Json(PrintWriter out, PrintWriter err, Masker masker) {
      super(out, err, masker);
    }

    @Override
    public void diff(MeshDiff diff) {
      document(JsonRenderer.diff(diff));
    }
  }
}
