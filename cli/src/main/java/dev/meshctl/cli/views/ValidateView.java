package dev.meshctl.cli.views;

import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.load.LoadResult;
import dev.meshctl.dsl.model.Masker;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.engine.render.JsonRenderer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;

/** What {@code meshctl validate} shows: the spec's diagnostics and whether it is valid. */
public interface ValidateView extends View {
  /** The outcome of loading {@code file}. */
  void result(Path file, LoadResult result);

  static ValidateView of(boolean json, PrintWriter out, PrintWriter err, Masker masker) {
    return json ? new Json(out, err, masker) : new Human(out, err, masker);
  }

  /** Diagnostics on stderr, then {@code FILE: valid — summary} or the counts. */
  final class Human extends HumanView implements ValidateView {
    Human(PrintWriter out, PrintWriter err, Masker masker) {
      super(out, err, masker);
    }

    @Override
    public void result(Path file, LoadResult result) {
      diagnostics(result.diagnostics());
      if (result.ok()) {
        out.println(file + ": valid — " + summary(result.spec().orElseThrow()));
        if (!result.unread().isEmpty()) {
          out.println("Not read (--no-secrets), checked for form only:");
          result.unread().forEach(u -> out.println("  " + u));
        }
      } else {
        err.println(count(result.errors(), "error") + ", " + count(result.warnings(), "warning"));
      }
      out.flush();
      err.flush();
    }
  }

  /**
   * {@code {"valid": bool, "unread": [...], "diagnostics": [...]}}: each diagnostic as every JSON
   * output has it, plus {@code path}, the name the address had here before it had one everywhere.
   */
  final class Json extends JsonDocumentView implements ValidateView {
    Json(PrintWriter out, PrintWriter err, Masker masker) {
      super(out, err, masker);
    }

    @Override
    public void result(Path file, LoadResult result) {
      diagnostics(result.diagnostics());
      JsonObject doc = new JsonObject().put("valid", result.ok());
      if (!result.unread().isEmpty()) {
        doc.put("unread", new JsonArray(result.unread()));
      }
      document(doc);
    }

    @Override
    protected JsonObject withDiagnostics(JsonObject doc) {
      JsonArray list = new JsonArray();
      for (Diagnostic d : diagnostics()) {
        list.add(JsonRenderer.diagnostic(d).put("path", d.path()));
      }
      return doc.put("diagnostics", list);
    }
  }

  /** E.g. {@code topology "peering-mesh", 4 controllers, 12 peer links, root east-1a}. */
  static String summary(MeshSpec mesh) {
    int n = mesh.controllers().size();
    // Peer links are one-directional on a controller: each two-way link is two of them.
    int links = mesh.peering().fullMesh() ? n * (n - 1) : 2 * mesh.peering().links().size();
    return "topology \"" + mesh.topology() + "\", " + count(n, "controller") + ", "
        + count(links, "peer link") + ", root " + mesh.root();
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
