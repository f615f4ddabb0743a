package dev.meshctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.yaml.ReadResult;
import dev.meshctl.dsl.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code meshctl import --from FILE} takes from a minimal spec: each controller's name and
 * endpoint, and from {@code defaults.api} the user, the variables holding the password or token
 * (written {@code ${env:NAME}}) and the TLS trust. Everything else is read from the controllers.
 */
record ImportSource(
    List<String> endpoints,
    Optional<String> username,
    Optional<String> passwordEnv,
    Optional<String> tokenEnv,
    boolean insecure,
    Optional<String> caFile,
    Optional<String> fingerprint,
    boolean allowPlainHttp) {

  private static final Pattern ENV_REF = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

  /** Reads {@code file}; problems (unreadable, invalid YAML, missing keys) go to {@code problems}. */
  static Optional<ImportSource> read(Path file, List<String> problems) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      problems.add("cannot read " + file + (Files.exists(file) ? "" : ": no such file"));
      return Optional.empty();
    }
    ReadResult read = YamlReader.read(text, file.toString());
    if (read.document().isEmpty()) {
      read.diagnostics().stream().map(Diagnostic::format).forEach(problems::add);
      return Optional.empty();
    }
    JsonNode tree = read.document().get().tree();
    List<String> endpoints = new ArrayList<>();
    JsonNode controllers = tree.path("controllers");
    for (int i = 0; i < controllers.size(); i++) {
      JsonNode c = controllers.get(i);
      if (!c.path("name").isTextual() || !c.path("endpoint").isTextual()) {
        problems.add(file + ": controllers[" + i + "] needs a name and an endpoint");
      } else {
        endpoints.add(c.path("name").asText() + "=" + c.path("endpoint").asText());
      }
    }
    if (controllers.isEmpty()) {
      problems.add(file + ": no controllers (a list of {name, endpoint})");
    }
    JsonNode api = tree.path("defaults").path("api");
    JsonNode tls = api.path("tls");
    return Optional.of(
        new ImportSource(
            endpoints,
            text(api, "username"),
            envName(file, api, "password", problems),
            envName(file, api, "token", problems),
            tls.path("insecure").asBoolean(false),
            text(tls, "ca_file"),
            text(tls, "fingerprint_sha256"),
            tls.path("allow_plain_http").asBoolean(false)));
  }

  private static Optional<String> text(JsonNode node, String key) {
    return node.path(key).isTextual() ? Optional.of(node.path(key).asText()) : Optional.empty();
  }

  /** The NAME of a {@code ${env:NAME}} secret: a spec must never hold the value itself. */
  private static Optional<String> envName(Path file, JsonNode api, String key, List<String> problems) {
    Optional<String> value = text(api, key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    Matcher m = ENV_REF.matcher(value.get().strip());
    if (!m.matches()) {
      problems.add(file + ": defaults.api." + key + " must be an ${env:NAME} reference");
      return Optional.empty();
    }
    return Optional.of(m.group(1));
  }
}
