package dev.meshctl.cli.views;

import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.diag.Diagnostics;
import dev.meshctl.dsl.model.Masker;
import dev.meshctl.engine.render.JsonRenderer;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Output for programs as one JSON document on stdout, printed at {@link #close}: the command's
 * document with every diagnostic under {@code "diagnostics"}, or, when the command failed before
 * it had one, {@code {"format_version": 1, "kind": "diagnostics", "diagnostics": [...]}}. So stdout
 * is always exactly one document, whatever went wrong.
 */
public class JsonDocumentView implements View {
  protected final PrintWriter out;
  protected final PrintWriter err;
  private final Masker masker;
  private Diagnostics diagnostics = Diagnostics.empty();
  private Optional<JsonObject> document = Optional.empty();
  private boolean closed;

  public JsonDocumentView(PrintWriter out, PrintWriter err, Masker masker) {
    this.out = out;
    this.err = err;
    this.masker = masker;
  }

  @Override
  public void diagnostics(List<Diagnostic> more) {
    if (closed) {
      // Only a failure after the document was printed: stdout stays one document.
      Diagnostics.of(more).forEach(d -> err.println(JsonRenderer.diagnostic(d).encode()));
      err.flush();
      return;
    }
    diagnostics = diagnostics.merge(more);
  }

  @Override
  public void mask(Set<String> secrets) {
    masker.registerAll(secrets);
  }

  /** The command's answer, printed at {@link #close} with the diagnostics. */
  protected void document(JsonObject doc) {
    document = Optional.of(doc);
  }

  /** The diagnostics so far, for a document that lists them its own way. */
  protected Diagnostics diagnostics() {
    return diagnostics;
  }

  /** The diagnostics as the document's last key; overridden where a document has its own form. */
  protected JsonObject withDiagnostics(JsonObject doc) {
    return doc.put("diagnostics", JsonRenderer.diagnostics(diagnostics));
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    if (document.isEmpty() && diagnostics.isEmpty()) {
      return;
    }
    closed = true;
    JsonObject doc =
        document.orElseGet(
            () -> new JsonObject().put("format_version", JsonRenderer.FORMAT_VERSION).put("kind", "diagnostics"));
    out.println(withDiagnostics(doc).encodePrettily());
    out.flush();
  }
}
