package dev.meshctl.cli.views;

import dev.meshctl.dsl.model.Masker;
import dev.meshctl.engine.diff.MeshDiff;
import dev.meshctl.engine.plan.Plan;
import dev.meshctl.engine.planfile.PlanFile;
import dev.meshctl.engine.planfile.SavedPlan;
import dev.meshctl.engine.render.HumanRenderer;
import dev.meshctl.engine.render.MarkdownRenderer;
import dev.meshctl.engine.render.Style;
import java.io.PrintWriter;
import java.nio.file.Path;

/** What {@code meshctl plan} shows: the actions in order, and where the plan was saved. */
public interface PlanView extends View {
  /** The plan; {@code saved} is what {@code -out} writes and the JSON form prints. */
  void plan(Plan plan, MeshDiff diff, SavedPlan saved);

  /** The plan was written to {@code file} for {@code meshctl apply}. */
  void saved(Path file, boolean blocked);

  /** How a plan reads for people: the terminal's text, or a pull request comment's Markdown. */
  enum Document {
    TEXT,
    MARKDOWN
  }

  static PlanView of(
      boolean json, Document document, Path specFile, Style style, PrintWriter out, PrintWriter err, Masker masker) {
    return json ? new Json(out, err, masker) : new Human(document, specFile, style, out, err, masker);
  }

  final class Human extends HumanView implements PlanView {
    private final Document document;
    private final Path specFile;
    private final Style style;

    Human(Document document, Path specFile, Style style, PrintWriter out, PrintWriter err, Masker masker) {
      super(out, err, masker);
      this.document = document;
      this.specFile = specFile;
      this.style = style;
    }

    @Override
    public void plan(Plan plan, MeshDiff diff, SavedPlan saved) {
      out.print(
          document == Document.MARKDOWN
              ? MarkdownRenderer.plan(plan, diff, specFile.toString())
              : new HumanRenderer(style).plan(plan, diff));
      out.flush();
    }

    @Override
    public void saved(Path file, boolean blocked) {
      savedNote(err, file, blocked);
    }
  }

  /** The plan file's JSON (docs/plan-format.md), with the command's diagnostics. */
  final class Json extends JsonDocumentView implements PlanView {
    Json(PrintWriter out, PrintWriter err, Masker masker) {
      super(out, err, masker);
    }

    @Override
    public void plan(Plan plan, MeshDiff diff, SavedPlan saved) {
      document(PlanFile.json(saved));
    }

    @Override
    public void saved(Path file, boolean blocked) {
      savedNote(err, file, blocked);
    }
  }

  /** On stderr in both forms, so stdout stays the plan alone. */
  private static void savedNote(PrintWriter err, Path file, boolean blocked) {
    err.println(
        "Saved the plan to "
            + file
            + (blocked ? " (apply will refuse it until the problems above are solved)" : "")
            + ". To run exactly these actions: meshctl apply "
            + file);
    err.flush();
  }
}
