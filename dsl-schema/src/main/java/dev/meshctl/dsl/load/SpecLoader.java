package dev.meshctl.dsl.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshctl.dsl.check.CheckContext;
import dev.meshctl.dsl.check.SemanticChecks;
import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.diag.SourceLocation;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.dsl.model.Secret;
import dev.meshctl.dsl.ref.ReferenceResolver;
import dev.meshctl.dsl.ref.Resolution;
import dev.meshctl.dsl.ref.SpecFiles;
import dev.meshctl.dsl.schema.Coercion;
import dev.meshctl.dsl.schema.MeshSchema;
import dev.meshctl.dsl.yaml.ReadResult;
import dev.meshctl.dsl.yaml.YamlDocument;
import dev.meshctl.dsl.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

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
      Optional<String> text = readText(file);
      if (text.isEmpty()) {
        return LoadResult.failed(List.of(unreadable(file, name)));
      }
      Path dir = file.toAbsolutePath().getParent();
      return run(text.get(), name, dir, file, options);
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
    Resolution resolved = ReferenceResolver.resolve(doc.tree(), doc.sourceMap(), options.env(), files);
    JsonNode tree = resolved.tree();
    LinkedHashSet<Diagnostic> all = new LinkedHashSet<>(resolved.diagnostics());
    Coercion.apply(tree, resolved.referenced());
    options.endpointMap().ifPresent(map -> all.addAll(applyEndpointMap(map, tree)));
    all.addAll(MeshSchema.get().validate(tree, doc.sourceMap(), resolved.unresolved()));
    CheckContext ctx =
        new CheckContext(tree, doc.sourceMap(), files, resolved.referenced(), resolved.unresolved());
    all.addAll(SemanticChecks.check(ctx));
    Optional<Secret> license = license(tree, files, doc, resolved, all);
    if (all.stream().anyMatch(Diagnostic::isError) || license.isEmpty()) {
      return LoadResult.failed(new ArrayList<>(all));
    }
    MeshSpec spec = ModelBuilder.build(tree, source, files, license.get(), SemanticChecks.peerIds(ctx));
    return new LoadResult(Optional.of(spec), new ArrayList<>(all));
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
      all.add(Diagnostic.error("license " + read.problem(), at, "license.file"));
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
    Optional<String> text = readText(map);
    if (text.isEmpty()) {
      return List.of(unreadable(map, name));
    }
    EndpointMap parsed = EndpointMap.parse(text.get(), name);
    List<Diagnostic> out = new ArrayList<>(parsed.diagnostics());
    out.addAll(parsed.apply(tree));
    return out;
  }

  /** The file's text, or empty when it is missing, too large or not UTF-8. */
  private static Optional<String> readText(Path file) {
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > YamlReader.MAX_CHARS) {
        return Optional.empty();
      }
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Diagnostic unreadable(Path file, String name) {
    try {
      if (!Files.exists(file)) {
        return Diagnostic.error("file " + name + " does not exist", null, "");
      }
      if (!Files.isRegularFile(file)) {
        return Diagnostic.error(name + " is not a regular file", null, "");
      }
      long size = Files.size(file);
      if (size > YamlReader.MAX_CHARS) {
        return YamlReader.tooLarge(name, size);
      }
      return Diagnostic.error("file " + name + " is not UTF-8 text", new SourceLocation(name, 1, 1), "");
    } catch (IOException e) {
      return Diagnostic.error("cannot read " + name + ": " + e.getClass().getSimpleName(), null, "");
    }
  }

  private static Diagnostic internal(String name, Throwable e) {
    String message =
        e instanceof StackOverflowError
            ? "the document is nested too deeply"
            : "cannot load the spec: " + e.getClass().getSimpleName();
    return Diagnostic.error(message, new SourceLocation(name, 1, 1), "");
  }
}
