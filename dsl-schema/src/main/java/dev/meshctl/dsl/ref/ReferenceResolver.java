package dev.meshctl.dsl.ref;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.diag.SourceLocation;
import dev.meshctl.dsl.schema.SecretKeys;
import dev.meshctl.dsl.schema.Suggestions;
import dev.meshctl.dsl.yaml.SourceMap;
import dev.meshctl.dsl.yaml.SpecPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.Set;

/**
 * Replaces {@code ${env:NAME}}, {@code ${file:relative/path}} and {@code ${tf:output}} with any
 * path into the output ({@code ${tf:controllers["east-1a"].private_ip}}, see {@link TerraformPath})
 * in every string value of a spec. A value that is exactly one
 * {@code tf} reference takes the output's JSON value as it is (a number stays a number); inside a
 * longer string the output must be a scalar. {@code inputs} itself is never resolved.
 */
public final class ReferenceResolver {
  private static final Set<String> KNOWN = Set.of("env", "file", "tf");
  /** Variable and file names that suggest a secret. */
  private static final String SECRET_NAME =
      "(?i).*(pass|pw|secret|token|key|cred|auth|\\.pem|shadow|id_rsa|id_ed25519).*";
  /** The form of a variable name a shell can export. */
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Map<String, String> env;
  private final SpecFiles files;
  private final SourceMap sources;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Set<String> referenced = new HashSet<>();
  private final Set<String> unresolved = new HashSet<>();
  private final Set<String> secrets = new HashSet<>();
  private final List<String> unread = new ArrayList<>();
  private final boolean readSecrets;
  private TerraformOutputs terraform;
  private boolean terraformRead;
  private String terraformFile;
  private JsonNode terraformInput;

  private ReferenceResolver(
      Map<String, String> env, SpecFiles files, SourceMap sources, boolean readSecrets) {
    this.env = env;
    this.files = files;
    this.sources = sources;
    this.readSecrets = readSecrets;
  }

  /** Resolves every reference in {@code tree}; never throws. */
  public static Resolution resolve(
      JsonNode tree, SourceMap sources, Map<String, String> env, SpecFiles files) {
    return resolve(tree, sources, env, files, true);
  }

  /**
   * As {@link #resolve(JsonNode, SourceMap, Map, SpecFiles)}; with {@code readSecrets} false each
   * {@code ${env:...}} and {@code ${file:...}} reference is checked for form and listed in {@link
   * Resolution#unread()}, its value left as written and its path unresolved, and nothing is read.
   */
  public static Resolution resolve(
      JsonNode tree, SourceMap sources, Map<String, String> env, SpecFiles files, boolean readSecrets) {
    ReferenceResolver r = new ReferenceResolver(env, files, sources, readSecrets);
    r.terraformInput = tree.path("inputs").path("terraform");
    JsonNode copy = tree.deepCopy();
    r.walk(copy, "");
    return new Resolution(copy, r.diagnostics, r.referenced, r.unresolved, r.secrets, r.unread);
  }

  private void walk(JsonNode node, String path) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        String child = SpecPath.key(path, name);
        if (child.equals("inputs")) {
          continue;
        }
        JsonNode value = object.get(name);
        if (value.isTextual()) {
          object.set(name, value(value.asText(), child));
        } else {
          walk(value, child);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        String child = SpecPath.index(path, i);
        JsonNode value = array.get(i);
        if (value.isTextual()) {
          array.set(i, value(value.asText(), child));
        } else {
          walk(value, child);
        }
      }
    }
  }

  private JsonNode value(String text, String path) {
    if (!text.contains("${")) {
      return TextNode.valueOf(text);
    }
    List<Interpolation.Part> parts = Interpolation.parse(text);
    if (parts.stream().anyMatch(p -> !(p instanceof Interpolation.Literal))) {
      referenced.add(path);
    }
    if (parts.size() == 1 && parts.get(0) instanceof Interpolation.Ref ref && ref.scheme().equals("tf")) {
      Optional<JsonNode> whole = terraform(ref, path);
      if (whole.isEmpty()) {
        unresolved.add(path);
        return TextNode.valueOf(text);
      }
      return whole.get();
    }
    StringBuilder out = new StringBuilder();
    boolean ok = true;
    for (Interpolation.Part part : parts) {
      Optional<String> piece = text(part, path);
      ok &= piece.isPresent();
      piece.ifPresent(out::append);
    }
    if (!ok) {
      unresolved.add(path);
      return TextNode.valueOf(text);
    }
    return TextNode.valueOf(out.toString());
  }

  private Optional<String> text(Interpolation.Part part, String path) {
    if (part instanceof Interpolation.Literal literal) {
      return Optional.of(literal.text());
    }
    boolean usable = part instanceof Interpolation.Ref r && KNOWN.contains(r.scheme());
    if (SecretKeys.isSecret(path) && !usable) {
      // The text around a broken reference in a secret may be the secret itself: do not quote it.
      diagnostics.add(
          error("the value contains '${' that is not a valid reference", path)
              .withHint("use ${env:NAME}, ${file:path} or ${tf:output}; write $${ for a literal ${"));
      return Optional.empty();
    }
    if (part instanceof Interpolation.Broken broken) {
      Diagnostic d = error(broken.problem(), path);
      String name = broken.source().replaceAll("[${}]", "").strip();
      if (!name.isEmpty() && broken.problem().contains("no scheme")) {
        d = d.withHint("did you mean ${env:" + name + "}?");
      }
      diagnostics.add(d);
      return Optional.empty();
    }
    Interpolation.Ref ref = (Interpolation.Ref) part;
    if (!readSecrets && (ref.scheme().equals("env") || ref.scheme().equals("file"))) {
      return unread(ref, path);
    }
    switch (ref.scheme()) {
      case "env" -> {
        String v = env.get(ref.argument());
        if (v == null) {
          String hint =
              Suggestions.closest(ref.argument(), env.keySet())
                  .map(n -> "did you mean " + n + "?")
                  .orElse("export " + ref.argument() + " before running meshctl");
          diagnostics.add(
              error("environment variable " + ref.argument() + " is not set", path).withHint(hint));
        }
        if (v != null) {
          secrets.add(v);
          warnIfSecretLooking(ref, path, ref.argument().matches(SECRET_NAME));
        }
        return Optional.ofNullable(v);
      }
      case "file" -> {
        if (ref.argument().isEmpty()) {
          diagnostics.add(error("reference " + ref.source() + " names no file", path));
          return Optional.empty();
        }
        SpecFiles.Read read = files.read(ref.argument());
        if (!read.ok()) {
          diagnostics.add(read.hinted(error("cannot resolve " + ref.source() + ": " + read.problem(), path)));
          return Optional.empty();
        }
        // A file written by an editor or `echo` ends with a newline that is not part of the value.
        String v = read.text().replaceAll("[\\r\\n]+$", "");
        secrets.add(v);
        warnIfSecretLooking(ref, path, !files.inside(ref.argument()) || ref.argument().matches(SECRET_NAME));
        return Optional.of(v);
      }
      case "tf" -> {
        Optional<JsonNode> v = terraform(ref, path);
        if (v.isPresent() && !v.get().isValueNode()) {
          diagnostics.add(
              error("Terraform output " + ref.source() + " is a list or object, not text", path)
                  .withHint(
                      v.get().isArray()
                          ? "pick one item, e.g. ${tf:" + ref.argument() + "[0]}"
                          : "pick one attribute, e.g. ${tf:" + ref.argument() + ".name} or ${tf:" + ref.argument() + "[\"key\"]}"));
          return Optional.empty();
        }
        return v.map(JsonNode::asText);
      }
      default -> {
        Diagnostic d = error("unknown reference scheme '" + ref.scheme() + "' in " + ref.source(), path);
        diagnostics.add(
            Suggestions.didYouMean(ref.scheme(), KNOWN)
                .map(d::withHint)
                .orElse(d.withHint("use ${env:NAME}, ${file:path} or ${tf:output}")));
        return Optional.empty();
      }
    }
  }

  /**
   * Warns when a source that looks like a secret (a variable or file named like one, or a file
   * outside the spec's folder) feeds a field that is not secret: that field is printed, put in
   * plans and in pull-request comments. Output masks the value anyway; the warning says where it
   * came from.
   */
  private void warnIfSecretLooking(Interpolation.Ref ref, String path, boolean looksSecret) {
    if (!looksSecret || SecretKeys.isSecret(path)) {
      return;
    }
    diagnostics.add(
        Diagnostic.warning(
                "the value comes from " + ref.source() + ", which looks like a secret, but this field is"
                    + " not secret: it is shown in plans and diffs",
                sources.value(path),
                path)
            .withHint(
                "meshctl masks the value in everything it prints or writes; put secrets only in api.password,"
                    + " api.token or keyset.token, and write $${ for a literal ${"));
  }

  /** Checks an env or file reference for form only; empty, so its path stays unresolved. */
  private Optional<String> unread(Interpolation.Ref ref, String path) {
    if (ref.scheme().equals("env") && !ENV_NAME.matcher(ref.argument()).matches()) {
      diagnostics.add(
          error("'" + ref.argument() + "' in " + ref.source() + " is not an environment variable name", path)
              .withHint("a name is letters, digits and _, not starting with a digit"));
      return Optional.empty();
    }
    if (ref.scheme().equals("file")) {
      if (ref.argument().isBlank()) {
        diagnostics.add(error("reference " + ref.source() + " names no file", path));
        return Optional.empty();
      }
      try {
        files.resolve(ref.argument());
      } catch (java.nio.file.InvalidPathException e) {
        diagnostics.add(error("'" + ref.argument() + "' in " + ref.source() + " is not a valid file path", path));
        return Optional.empty();
      }
    }
    unread.add(path + ": " + ref.source());
    return Optional.empty();
  }

  private Optional<JsonNode> terraform(Interpolation.Ref ref, String path) {
    TerraformPath.Parsed parsed = TerraformPath.parse(ref.argument());
    if (parsed.problem().isPresent()) {
      TerraformPath.Problem p = parsed.problem().get();
      diagnostics.add(
          error(
                  "'" + ref.argument() + "' is not a Terraform output reference: " + p.message()
                      + " at character " + (p.offset() + 1),
                  path)
              .withHint("write ${tf:name}, ${tf:name[0]}, ${tf:name[\"key\"]} or ${tf:name.attribute}, nested as deep as the output"));
      return Optional.empty();
    }
    TerraformPath tf = parsed.path().orElseThrow();
    TerraformOutputs outputs = outputs(path);
    if (outputs == null) {
      return Optional.empty();
    }
    String name = tf.output();
    Optional<TerraformOutputs.Output> output = outputs.get(name);
    if (output.isEmpty()) {
      Diagnostic d = error("Terraform output '" + name + "' not found in " + terraformFile, path);
      diagnostics.add(Suggestions.didYouMean(name, outputs.outputs().keySet()).map(d::withHint).orElse(d));
      return Optional.empty();
    }
    if (output.get().sensitive() && !SecretKeys.isSecret(path)) {
      // Only secret fields are kept out of output, logs and plan files; anywhere else the value
      // of a sensitive output would be printed.
      diagnostics.add(
          error("Terraform output '" + name + "' is sensitive; it can only fill a secret field", path)
              .withHint("use it for api.password, api.token or keyset.token, or make the output non-sensitive"));
      return Optional.empty();
    }
    TerraformPath.Result result = tf.resolve(output.get().value());
    if (result.missing().isPresent()) {
      TerraformPath.Missing m = result.missing().get();
      Diagnostic d =
          error(
              "Terraform output path " + m.pathSoFar() + " does not exist in " + terraformFile + ": " + m.message(),
              path);
      if (!m.available().isEmpty()) {
        String last = tf.steps().get(stepsIn(m.pathSoFar(), tf) - 1) instanceof TerraformPath.Key k ? k.name() : "";
        String keys = m.available().size() <= 10
            ? String.join(", ", m.available())
            : String.join(", ", m.available().subList(0, 10)) + ", ... (" + m.available().size() + " keys)";
        d = d.withHint(
            Suggestions.closest(last, m.available())
                .map(k -> "did you mean \"" + k + "\"? keys there: " + keys)
                .orElse("keys there: " + keys));
      }
      diagnostics.add(d);
      return Optional.empty();
    }
    if (output.get().sensitive() && result.value().get().isValueNode()) {
      // The masker hides it wherever it might be echoed back (an error from a controller).
      secrets.add(result.value().get().asText());
    }
    return result.value();
  }

  /** How many steps of {@code tf} the text {@code prefix} covers. */
  private static int stepsIn(String prefix, TerraformPath tf) {
    for (int n = 0; n <= tf.steps().size(); n++) {
      if (tf.prefix(n).equals(prefix)) {
        return n;
      }
    }
    return tf.steps().size();
  }

  /** The Terraform outputs named by {@code inputs.terraform}, read once; null if unavailable. */
  private TerraformOutputs outputs(String path) {
    if (!terraformRead) {
      terraformRead = true;
      terraform = readOutputs(path);
      diagnostics.addAll(terraform.diagnostics());
    }
    return terraform.diagnostics().isEmpty() ? terraform : null;
  }

  private TerraformOutputs readOutputs(String path) {
    if (terraformInput == null || !terraformInput.isTextual()) {
      return new TerraformOutputs(
          Map.of(),
          List.of(
              error("a ${tf:...} reference needs inputs.terraform", path)
                  .withHint(
                      "add 'inputs: {terraform: ./outputs.json}' naming the file `terraform output -json` wrote")));
    }
    terraformFile = files.display(terraformInput.asText());
    SpecFiles.Read read = files.read(terraformInput.asText());
    if (!read.ok()) {
      return new TerraformOutputs(
          Map.of(),
          List.of(read.hinted(Diagnostic.error(read.problem(), sources.value("inputs.terraform"), "inputs.terraform"))));
    }
    return TerraformOutputs.parse(read.text(), terraformFile);
  }

  private Diagnostic error(String message, String path) {
    return Diagnostic.error(message, sources.value(path), path);
  }
}
