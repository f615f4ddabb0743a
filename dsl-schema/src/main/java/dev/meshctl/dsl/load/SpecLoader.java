package dev.meshctl.dsl.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshctl.dsl.check.CheckContext;
import dev.meshctl.dsl.check.SemanticChecks;
import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.diag.SourceLocation;
import dev.meshctl.dsl.model.ControllerSpec;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.dsl.model.Secret;
import dev.meshctl.dsl.ref.FileText;
import dev.meshctl.dsl.ref.ReferenceResolver;
import dev.meshctl.dsl.ref.Resolution;
import dev.meshctl.dsl.ref.SpecFiles;
import dev.meshctl.dsl.schema.Coercion;
import dev.meshctl.dsl.schema.MeshSchema;
import dev.meshctl.dsl.yaml.ReadResult;
import dev.meshctl.dsl.yaml.YamlDocument;
import dev.meshctl.dsl.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Loads a mesh.yaml: YAML → JSON tree with positions → {@code ${...}} resolution → endpoint map →
 * JSON Schema → semantic checks → {@link MeshSpec}. Every problem along the way becomes a located
 * diagnostic, all of them reported together; no input makes it throw.
 */
public final class SpecLoader {
  private SpecLoader() {}

  /**
   * Loads the spec at {@code file}. Diagnostics name the file as given (keep it relative to show
   * users the path they typed); files the spec names are read relative to its directory.
   */
  public static LoadResult load(Path file, LoadOptions options) {
    String name = file.toString();
    try {
      FileText.Outcome read = FileText.read(file, name, YamlReader.MAX_CHARS);
      if (!(read instanceof FileText.Text text)) {
        return LoadResult.failed(List.of(unreadable(read, name)));
      }
      Path dir = file.toAbsolutePath().getParent();
      return run(text.text(), name, dir, file, options);
    } catch (RuntimeException | StackOverflowError e) {
      return LoadResult.failed(List.of(internal(name, e)));
    }
  }

  /** Loads spec text as if read from {@code fileName} in {@code baseDir} (tests, fuzzing). */
  public static LoadResult loadString(String text, String fileName, Path baseDir, LoadOptions options) {
    try {
      return run(text, fileName, baseDir, baseDir.resolve(fileName), options);
    } catch (RuntimeException | StackOverflowError e) {
      return LoadResult.failed(List.of(internal(fileName, e)));
    }
  }

  private static LoadResult run(String text, String name, Path dir, Path source, LoadOptions options) {
    ReadResult read = YamlReader.read(text, name);
    if (read.document().isEmpty()) {
      return LoadResult.failed(read.diagnostics());
    }
    YamlDocument doc = read.document().get();
    SpecFiles files = new SpecFiles(dir, name);
    Resolution resolved = ReferenceResolver.resolve(doc.tree(), doc.sourceMap(), options.env(), files, options.readSecrets());
    JsonNode tree = resolved.tree();
    LinkedHashSet<Diagnostic> all = new LinkedHashSet<>(resolved.diagnostics());
    Coercion.apply(tree, resolved.referenced());
    options.endpointMap().ifPresent(map -> all.addAll(applyEndpointMap(map, tree)));
    all.addAll(MeshSchema.get().validate(tree, doc.sourceMap(), resolved.unresolved()));
    CheckContext ctx =
        new CheckContext(tree, doc.sourceMap(), files, resolved.referenced(), resolved.unresolved());
    all.addAll(SemanticChecks.check(ctx));
    List<String> unread = new ArrayList<>(resolved.unread());
    Optional<Secret> license =
        options.readSecrets()
            ? license(tree, files, doc, resolved, all)
            : unreadLicense(tree, resolved, unread);
    if (all.stream().anyMatch(Diagnostic::isError) || license.isEmpty()) {
      // Diagnostics may quote a value read from a reference: those are masked too.
      return new LoadResult(Optional.empty(), new ArrayList<>(all), resolved.secrets(), unread);
    }
    MeshSpec spec = ModelBuilder.build(tree, source, files, license.get());
    // Without secrets the spec holds references' text, not values: there is nothing to mask.
    Set<String> secrets = options.readSecrets() ? secrets(spec, resolved) : resolved.secrets();
    return new LoadResult(Optional.of(spec), new ArrayList<>(all), secrets, unread);
  }

  /**
   * The license file named, not read: an empty placeholder, so the spec a load without secrets
   * answers is for validation only.
   */
  private static Optional<Secret> unreadLicense(JsonNode tree, Resolution resolved, List<String> unread) {
    JsonNode file = tree.path("license").path("file");
    if (!file.isTextual() || file.asText().isBlank()) {
      return Optional.empty();
    }
    if (!resolved.unresolved().contains("license.file")) {
      unread.add("license.file: " + file.asText());
    }
    return Optional.of(Secret.of(""));
  }

  private static Optional<Secret> license(
      JsonNode tree, SpecFiles files, YamlDocument doc, Resolution resolved, LinkedHashSet<Diagnostic> all) {
    JsonNode file = tree.path("license").path("file");
    if (!file.isTextual() || file.asText().isBlank() || resolved.unresolved().contains("license.file")) {
      return Optional.empty();
    }
    SpecFiles.Read read = files.read(file.asText());
    SourceLocation at = doc.sourceMap().value("license.file");
    if (!read.ok()) {
      String problem = read.problem().startsWith("file ") ? "license " + read.problem() : "license: " + read.problem();
      all.add(read.hinted(Diagnostic.error(problem, at, "license.file")));
      return Optional.empty();
    }
    if (read.text().isBlank()) {
      all.add(Diagnostic.error("license file " + files.display(file.asText()) + " is empty", at, "license.file"));
      return Optional.empty();
    }
    return Optional.of(Secret.of(read.text()));
  }

  private static List<Diagnostic> applyEndpointMap(Path map, JsonNode tree) {
    String name = map.toString();
    FileText.Outcome read = FileText.read(map, name, YamlReader.MAX_CHARS);
    if (!(read instanceof FileText.Text text)) {
      return List.of(unreadable(read, name));
    }
    EndpointMap parsed = EndpointMap.parse(text.text(), name);
    List<Diagnostic> out = new ArrayList<>(parsed.diagnostics());
    out.addAll(parsed.apply(tree));
    return out;
  }

  /**
   * Every value output must mask: what references resolved to, the secret fields (written
   * literally or not) and the license text.
   */
  private static Set<String> secrets(MeshSpec spec, Resolution resolved) {
    Set<String> out = new LinkedHashSet<>(resolved.secrets());
    out.add(spec.keysetToken().reveal());
    out.add(spec.license().text().reveal());
    for (ControllerSpec c : spec.controllers()) {
      c.api().password().map(Secret::reveal).ifPresent(out::add);
      c.api().token().map(Secret::reveal).ifPresent(out::add);
    }
    return out;
  }

  private static Diagnostic unreadable(FileText.Outcome outcome, String name) {
    if (outcome instanceof FileText.TooLarge large) {
      return YamlReader.tooLarge(name, large.size());
    }
    FileText.Unreadable u = (FileText.Unreadable) outcome;
    SourceLocation at = u.line().map(line -> new SourceLocation(name, line, 1)).orElse(null);
    Diagnostic d = Diagnostic.error(u.message(), at, "");
    return u.hint().map(d::withHint).orElse(d);
  }

  private static Diagnostic internal(String name, Throwable e) {
    String message =
        e instanceof StackOverflowError
            ? "the document is nested too deeply"
            : "cannot load the spec: " + e.getClass().getSimpleName();
    return Diagnostic.error(message, new SourceLocation(name, 1, 1), "");
  }
}
