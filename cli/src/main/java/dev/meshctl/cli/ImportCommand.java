package dev.meshctl.cli;

import dev.meshctl.cli.views.View;
import dev.meshctl.dsl.model.ApiAccess;
import dev.meshctl.dsl.model.Endpoint;
import dev.meshctl.dsl.model.Masker;
import dev.meshctl.dsl.model.Secret;
import dev.meshctl.dsl.model.TlsSpec;
import dev.meshctl.engine.adopt.ImportOptions;
import dev.meshctl.engine.adopt.ImportResult;
import dev.meshctl.engine.adopt.ImportTarget;
import dev.meshctl.engine.adopt.LiveImport;
import dev.meshctl.engine.client.ClientOptions;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code meshctl import}: adopts a mesh that already runs. Reads every controller and writes a
 * complete mesh.yaml that, applied back, changes nothing; secrets are written as {@code
 * ${env:...}} references, never as values.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Write a mesh.yaml for controllers that already run: topology, root, peer IDs, links, MTUs,"
          + " addresses and meshctl's routes, read from the controllers.",
      "Secrets are written as $${env:...} references. Routes meshctl did not create are listed as"
          + " comments for you to decide.",
      "Import every controller of the mesh: a spec owns the whole peer map of each controller it"
          + " lists, so a controller linked to one left out is refused (the spec would delete those links)."
    },
    footer = {
      "",
      "Examples:",
      "  meshctl import --endpoint east-1a=10.0.1.10 --endpoint east-1b=10.0.1.140 \\",
      "      --password-env VNS3_API_PASSWORD --insecure -o mesh.yaml",
      "  meshctl import --endpoint a=127.0.0.1:8001 --token-env VNS3_API_TOKEN \\",
      "      --fingerprint AB:CD:...:EF -o mesh.yaml",
      "  meshctl import --from minimal.yaml -o mesh.yaml"
    })
final class ImportCommand implements Callable<Integer> {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--endpoint",
      paramLabel = "NAME=HOST[:PORT]",
      description = "A controller to import: its name in the spec and its API endpoint. Repeat per controller.")
  List<String> endpoints = new ArrayList<>();

  @Option(
      names = "--from",
      paramLabel = "FILE",
      description = "A minimal spec: controllers (name, endpoint) and defaults.api (username, password or token as $${env:NAME}, tls). Flags add to it.")
  Path from;

  @Option(names = "--username", paramLabel = "USER", defaultValue = ApiAccess.DEFAULT_USERNAME,
      description = "The API user (default: ${DEFAULT-VALUE}).")
  String username;

  @Option(names = "--password-env", paramLabel = "VAR",
      description = "The variable holding the API password (default: " + ImportOptions.DEFAULT_PASSWORD_ENV + ").")
  String passwordEnv;

  @Option(names = "--token-env", paramLabel = "VAR", description = "The variable holding an API token, instead of a password.")
  String tokenEnv;

  @Option(names = "--keyset-token-env", paramLabel = "VAR", defaultValue = ImportOptions.DEFAULT_KEYSET_TOKEN_ENV,
      description = "The variable the spec reads the keyset token from (default: ${DEFAULT-VALUE}).")
  String keysetTokenEnv;

  @Option(names = "--insecure", description = "Do not check the controllers' certificates (test setups only).")
  boolean insecure;

  @Option(
      names = "--allow-plain-http",
      description = "Allow http:// endpoints, which send the API password or token unencrypted (test setups only).")
  boolean allowPlainHttp;

  @Option(names = "--ca-file", paramLabel = "FILE", description = "Trust certificates signed by this PEM CA.")
  Path caFile;

  @Option(names = "--fingerprint", paramLabel = "SHA256", description = "Trust the certificate with this SHA-256 fingerprint.")
  String fingerprint;

  @Option(names = "--license-file", paramLabel = "FILE", defaultValue = ImportOptions.DEFAULT_LICENSE_FILE,
      description = "Where the spec expects the license file (default: ${DEFAULT-VALUE}).")
  String licenseFile;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the spec here (default: standard output).")
  Path output;

  @Option(names = "--force", description = "Overwrite the output file if it exists.")
  boolean force;

  /** The run's masker: the API password or token read here is masked in all output. */
  private Masker masker;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    masker = MaskedOutput.masker(err);
    View view = View.human(out, err, masker);
    List<String> problems = new ArrayList<>();
    if (from != null) {
      ImportSource.read(from, problems).ifPresent(this::merge);
    }
    if (endpoints.isEmpty() && problems.isEmpty()) {
      problems.add("no controller to import: give --endpoint NAME=HOST[:PORT] (repeat it) or --from FILE");
    }
    for (String var : new String[] {passwordEnv, tokenEnv, keysetTokenEnv}) {
      // The name is written into ${env:NAME}: a '}' or '$' in it would break the reference.
      if (var != null && !ENV_NAME.matcher(var).matches()) {
        problems.add("\"" + var + "\" is not an environment variable name (letters, digits and '_', not first a digit)");
      }
    }
    List<ImportTarget> targets = targets(problems);
    Optional<ApiAccess> api = api(problems);
    if (output != null && Files.exists(output) && !force) {
      problems.add(output + " exists; choose another -o FILE or add --force");
    }
    if (!problems.isEmpty() || api.isEmpty()) {
      // In the order the flags were given, which is the order to fix them in.
      problems.forEach(view::error);
      return ExitCodes.ERROR;
    }
    if (insecure) {
      view.warning("TLS certificates not verified (--insecure)");
    }
    if (allowPlainHttp && targets.stream().anyMatch(t -> !t.endpoint().tls())) {
      view.warning("API credentials sent unencrypted to the http:// endpoints (--allow-plain-http)");
    }
    ImportOptions options =
        new ImportOptions(
            username,
            tokenEnv == null ? Optional.of(passwordEnvName()) : Optional.empty(),
            Optional.ofNullable(tokenEnv),
            keysetTokenEnv,
            Optional.ofNullable(caFile).map(Path::toString),
            Optional.ofNullable(fingerprint),
            insecure,
            licenseFile,
            allowPlainHttp && targets.stream().anyMatch(t -> !t.endpoint().tls()));
    ImportResult result = read(targets, api.get(), options);
    view.diagnostics(result.diagnostics());
    if (!result.ok()) {
      return ExitCodes.ERROR;
    }
    // A controller may echo a secret back (in its name, a route's description): never write it.
    String yaml = masker.mask(result.yaml().orElseThrow());
    if (output == null) {
      out.print(yaml);
    } else {
      Files.writeString(output, yaml, StandardCharsets.UTF_8);
      err.println("Wrote " + output + " (" + targets.size() + " controllers). Next: put the license at "
          + licenseFile + ", set " + keysetTokenEnv + " to the topology's keyset token, then run: meshctl diff " + output);
    }
    out.flush();
    err.flush();
    return ExitCodes.OK;
  }

  /** The minimal spec's settings, under what the flags say. */
  private void merge(ImportSource source) {
    List<String> all = new ArrayList<>(source.endpoints());
    all.addAll(endpoints);
    endpoints = all;
    if (ApiAccess.DEFAULT_USERNAME.equals(username)) {
      username = source.username().orElse(username);
    }
    allowPlainHttp = allowPlainHttp || source.allowPlainHttp();
    if (passwordEnv == null && tokenEnv == null) {
      passwordEnv = source.passwordEnv().orElse(null);
      tokenEnv = source.tokenEnv().orElse(null);
    }
    if (!insecure && caFile == null && fingerprint == null) {
      insecure = source.insecure();
      caFile = source.caFile().map(f -> from.toAbsolutePath().getParent().resolve(f)).orElse(null);
      fingerprint = source.fingerprint().orElse(null);
    }
  }

  private static ImportResult read(List<ImportTarget> targets, ApiAccess api, ImportOptions options) {
    Vertx vertx = Vertx.vertx();
    try {
      return LiveImport.run(vertx, targets, api, options, ClientOptions.DEFAULT)
          .toCompletionStage().toCompletableFuture().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.util.concurrent.CancellationException("interrupted");
    } catch (ExecutionException e) {
      throw new IllegalStateException(String.valueOf(e.getCause().getMessage()), e.getCause());
    } finally {
      vertx.close();
    }
  }

  private List<ImportTarget> targets(List<String> problems) {
    List<ImportTarget> out = new ArrayList<>();
    for (String e : endpoints) {
      int eq = e.indexOf('=');
      String name = eq < 0 ? "" : e.substring(0, eq);
      String where = eq < 0 ? e : e.substring(eq + 1);
      Optional<Endpoint> endpoint = Endpoint.parse(where);
      if (!NAME.matcher(name).matches()) {
        problems.add("--endpoint " + e + ": expected NAME=HOST[:PORT], NAME of letters, digits, '_', '.', '-'");
      } else if (endpoint.isEmpty()) {
        problems.add("--endpoint " + e + ": \"" + where + "\" is not an endpoint (" + Endpoint.FORMS + ")");
      } else if (!endpoint.get().tls() && !allowPlainHttp) {
        problems.add("--endpoint " + e + ": plain http:// would send the API credentials unencrypted;"
            + " use https:// (or HOST[:PORT]), or add --allow-plain-http for a test setup");
      } else if (out.stream().anyMatch(t -> t.name().equals(name))) {
        problems.add("--endpoint " + e + ": the name \"" + name + "\" is given twice");
      } else {
        out.add(new ImportTarget(name, endpoint.get(), where));
      }
    }
    return out;
  }

  private Optional<ApiAccess> api(List<String> problems) {
    int trust = (insecure ? 1 : 0) + (caFile != null ? 1 : 0) + (fingerprint != null ? 1 : 0);
    if (trust > 1) {
      problems.add("give at most one of --insecure, --ca-file and --fingerprint");
    }
    if (tokenEnv != null && passwordEnv != null) {
      problems.add("give --password-env or --token-env, not both");
      return Optional.empty();
    }
    String var = tokenEnv != null ? tokenEnv : passwordEnvName();
    String value = System.getenv(var);
    if (value == null || value.isEmpty()) {
      problems.add("the environment variable " + var + " is not set: it must hold the API "
          + (tokenEnv != null ? "token" : "password"));
      return Optional.empty();
    }
    masker.register(value);
    Secret secret = Secret.of(value);
    TlsSpec tls = new TlsSpec(Optional.ofNullable(caFile), Optional.ofNullable(fingerprint), insecure);
    return Optional.of(
        new ApiAccess(
            username,
            tokenEnv == null ? Optional.of(secret) : Optional.empty(),
            tokenEnv == null ? Optional.empty() : Optional.of(secret),
            tls,
            ApiAccess.DEFAULT_CONNECT_TIMEOUT,
            ApiAccess.DEFAULT_REQUEST_TIMEOUT));
  }

  private String passwordEnvName() {
    return passwordEnv == null ? ImportOptions.DEFAULT_PASSWORD_ENV : passwordEnv;
  }
}
