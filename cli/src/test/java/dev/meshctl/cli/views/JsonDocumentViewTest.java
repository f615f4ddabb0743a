package dev.meshctl.cli.views;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.diag.SourceLocation;
import dev.meshctl.dsl.model.Masker;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** stdout of a JSON document view is exactly one document, whatever the command reported. */
class JsonDocumentViewTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final JsonDocumentView view =
      new JsonDocumentView(new PrintWriter(out, true), new PrintWriter(err, true), new Masker());

  @Test
  void aCommandThatFailedBeforeItsDocumentPrintsADiagnosticsDocument() {
    view.error("cannot write the plan to p.json: permission denied");
    view.close();
    JsonObject doc = new JsonObject(out.toString());
    assertEquals("diagnostics", doc.getString("kind"));
    assertEquals(1, doc.getInteger("format_version"));
    assertEquals("cannot write the plan to p.json: permission denied", doc.getJsonArray("diagnostics").getJsonObject(0).getString("message"));
    assertEquals("", err.toString());
  }

  @Test
  void theDocumentCarriesEveryDiagnosticSortedAsItsLastKey() {
    view.diagnostic(Diagnostic.warning("late", new SourceLocation("m.yaml", 9, 1), "b"));
    view.document(new JsonObject().put("kind", "diff"));
    view.diagnostic(Diagnostic.warning("early", new SourceLocation("m.yaml", 2, 1), "a").withHint("h"));
    view.close();
    JsonObject doc = new JsonObject(out.toString());
    assertEquals("diff", doc.getString("kind"));
    assertEquals("early", doc.getJsonArray("diagnostics").getJsonObject(0).getString("message"));
    assertEquals("h", doc.getJsonArray("diagnostics").getJsonObject(0).getString("hint"));
    assertEquals("late", doc.getJsonArray("diagnostics").getJsonObject(1).getString("message"));
    assertEquals("diagnostics", doc.fieldNames().stream().reduce((a, b) -> b).orElseThrow());
  }

  @Test
  void nothingToSayPrintsNothingAndAProblemAfterTheDocumentGoesToStderr() {
    view.close();
    assertEquals("", out.toString());
    view.document(new JsonObject().put("kind", "plan"));
    view.close();
    view.error("failed after the document");
    view.close();
    assertEquals("plan", new JsonObject(out.toString()).getString("kind"), "still one document");
    assertEquals("failed after the document", new JsonObject(err.toString()).getString("message"));
  }

  @Test
  void peopleGetTheProgramNameBeforeAProblemWithNoPlaceInAFile() {
    assertEquals(
        "meshctl: error: no terminal (controller[\"a\"]); use --auto-approve",
        HumanView.line(Diagnostic.error("no terminal", null, "controller[\"a\"]").withHint("use --auto-approve")));
    assertEquals(
        "m.yaml:3:4: warning: inline secret (defaults.api.password)",
        HumanView.line(Diagnostic.warning("inline secret", new SourceLocation("m.yaml", 3, 4), "defaults.api.password")));
  }
}
