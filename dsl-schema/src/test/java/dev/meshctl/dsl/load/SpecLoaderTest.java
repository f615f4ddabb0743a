package dev.meshctl.dsl.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.model.MeshSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loader behaviour beyond the golden corpus: secrets, aliases, references, endpoint maps. */
class SpecLoaderTest {
  static final String SPEC =
      """
      apiVersion: meshctl/v1
      kind: Mesh
      metadata: {name: unit}
      inputs: {terraform: ./outputs.json}
      defaults:
        api: &shared
          password: ${tf:admin_password}
          request_timeout: 1m30s
      license: {file: ./license.txt}
      keyset:
        token: ${file:token.txt}
      controllers:
        - name: a
          endpoint: ${tf:hosts[0]}
          private_ip: 10.0.1.10
          subnet: 10.0.1.0/25
          peer_id: ${tf:first_id}
        - name: b
          endpoint: ${tf:hosts[1]}
          private_ip: 10.0.1.140
          subnet: 10.0.1.128/25
          api: *shared
      """;

  @TempDir Path dir;
  LoadOptions options = new LoadOptions(Map.of(), Optional.empty());

  @BeforeEach
  void files() throws IOException {
    Files.writeString(dir.resolve("license.txt"), "THE LICENSE\n");
    Files.writeString(dir.resolve("token.txt"), "keyset-token-value\n");
    Files.writeString(
        dir.resolve("outputs.json"),
        """
        {"admin_password": {"value": "tf-secret-pw", "sensitive": true},
         "hosts": {"value": ["54.1.2.3", "54.1.2.4"], "sensitive": false},
         "first_id": {"value": 1, "sensitive": false}}
        """);
  }

  private LoadResult load(String text) {
    return SpecLoader.loadString(text, "mesh.yaml", dir, options);
  }

  private static String render(LoadResult r) {
    return String.join("\n", r.diagnostics().stream().map(Diagnostic::format).toList());
  }

  @Test
  void referencesResolveWithTheirTypes() {
    LoadResult r = load(SPEC);
    assertTrue(r.ok(), () -> render(r));
    assertTrue(r.diagnostics().isEmpty(), () -> render(r));
    MeshSpec spec = r.spec().orElseThrow();
    assertEquals(java.util.OptionalInt.of(1), spec.controllers().get(0).peerId());
    assertEquals("54.1.2.4", spec.controllers().get(1).endpoint().host());
    assertEquals("keyset-token-value", spec.keysetToken().reveal());
    assertEquals("THE LICENSE\n", spec.license().text().reveal());
    assertEquals(java.time.Duration.ofSeconds(90), spec.controllers().get(1).api().requestTimeout());
    assertEquals("tf-secret-pw", spec.controllers().get(1).api().password().orElseThrow().reveal());
  }

  /** A for_each module's map of objects: keys, attributes and indexes nest as Terraform's do. */
  @Test
  void theLimitsDefaultToOneActionPerControllerAndNoGlobalCap() {
    LoadResult defaults = load(SPEC);
    assertTrue(defaults.ok(), () -> render(defaults));
    assertEquals(0, defaults.spec().get().execution().parallelism());
    assertEquals(1, defaults.spec().get().execution().perController());
    LoadResult set = load(SPEC + "execution:\n  parallelism: 64\n  per_controller: 4\n");
    assertTrue(set.ok(), () -> render(set));
    assertEquals(64, set.spec().get().execution().parallelism());
    assertEquals(4, set.spec().get().execution().perController());
    LoadResult negative = load(SPEC + "execution:\n  per_controller: -1\n");
    assertFalse(negative.ok(), "a negative per-controller limit is refused");
  }

  @Test
  void nestedPathsReachIntoMapsAndObjectsOfOutputs() throws IOException {
    Files.writeString(
        dir.resolve("outputs.json"),
        """
        {"admin_password": {"value": {"east": ["tf-secret-pw"]}, "sensitive": true},
         "controllers": {"value": {"a": {"public_ip": "54.1.2.3", "ids": {"peer": 1}},
                                   "b.x": {"public_ip": "54.1.2.4"}}, "sensitive": false}}
        """);
    LoadResult r =
        load(
            SPEC.replace("${tf:admin_password}", "${tf:admin_password.east[0]}")
                .replace("${tf:hosts[0]}", "${tf:controllers[\"a\"].public_ip}")
                .replace("${tf:hosts[1]}", "${tf:controllers[\"b.x\"][\"public_ip\"]}")
                .replace("${tf:first_id}", "${tf:controllers.a.ids.peer}"));
    assertTrue(r.diagnostics().isEmpty(), () -> render(r));
    MeshSpec spec = r.spec().orElseThrow();
    assertEquals("54.1.2.3", spec.controllers().get(0).endpoint().host());
    assertEquals("54.1.2.4", spec.controllers().get(1).endpoint().host());
    assertEquals(java.util.OptionalInt.of(1), spec.controllers().get(0).peerId());
    assertEquals("tf-secret-pw", spec.controllers().get(1).api().password().orElseThrow().reveal());
  }

  @Test
  void referencedTextBecomesTheIntegerOrBooleanTheSchemaExpects() {
    options = options.withEnv(Map.of("MTU", "1400", "PEER_ROUTES", "false", "PW", "12345"));
    String text =
        SPEC.replace("${tf:admin_password}", "${env:PW}")
            + "peering:\n  overlay_mtu: ${env:MTU}\nroutes:\n  peer_routes: ${env:PEER_ROUTES}\n";
    LoadResult r = load(text);
    assertTrue(r.ok(), () -> render(r));
    assertEquals(1400, r.spec().get().peering().overlayMtu());
    assertFalse(r.spec().get().routing().peerRoutes());
    assertEquals("12345", r.spec().get().controllers().get(1).api().password().orElseThrow().reveal());
    LoadResult bad = load(text.replace("${env:MTU}", "${env:PW}x"));
    assertTrue(render(bad).contains("'overlay_mtu' must be an integer, found '12345x'"), render(bad));
  }

  @Test
  void secretsNeverAppearInOutput() {
    MeshSpec spec = load(SPEC).spec().orElseThrow();
    String printed = spec.toString();
    for (String secret : List.of("tf-secret-pw", "keyset-token-value", "THE LICENSE")) {
      assertFalse(printed.contains(secret), secret);
    }
    LoadResult wrongType = load(SPEC.replace("${tf:admin_password}", "424242"));
    assertFalse(render(wrongType).contains("424242"), render(wrongType));
    assertTrue(render(wrongType).contains("'password' must be a string"), render(wrongType));
    LoadResult scalarKeyset = load(SPEC.replace("keyset:\n  token: ${file:token.txt}", "keyset: bare-token-value"));
    assertFalse(render(scalarKeyset).contains("bare-token-value"), render(scalarKeyset));
    assertTrue(render(scalarKeyset).contains("'keyset' must be a mapping"), render(scalarKeyset));
    LoadResult brokenRef = load(SPEC.replace("${file:token.txt}", "ab${cd}ef"));
    assertFalse(render(brokenRef).contains("cd"), render(brokenRef));
    LoadResult mixed = load(SPEC.replace("${file:token.txt}", "prefix-${file:token.txt}"));
    assertTrue(mixed.ok(), () -> render(mixed));
    assertEquals("prefix-keyset-token-value", mixed.spec().get().keysetToken().reveal());
    LoadResult inline = load(SPEC.replace("${file:token.txt}", "plain-token"));
    assertFalse(render(inline).contains("plain-token"));
    assertEquals(1, inline.warnings());
  }

  @Test
  void endpointMapRetargetsByNameOrHost() throws IOException {
    Path map = dir.resolve("sim.yaml");
    Files.writeString(map, "a: 127.0.0.1:8001\n54.1.2.4: http://127.0.0.1:8002\n");
    options = options.withEndpointMap(map);
    LoadResult r = load(SPEC.replace("request_timeout: 1m30s", "request_timeout: 1m30s\n    tls: {allow_plain_http: true}"));
    assertTrue(r.ok(), () -> render(r));
    assertEquals("https://127.0.0.1:8001/api", r.spec().get().controllers().get(0).endpoint().baseUrl());
    assertEquals("http://127.0.0.1:8002/api", r.spec().get().controllers().get(1).endpoint().baseUrl());
    assertTrue(r.spec().get().controllers().get(1).api().tls().allowPlainHttp());
    assertTrue(render(r).contains("warning: controller 'b' is reached over plain HTTP"), render(r));
  }

  @Test
  void aPlainHttpEndpointIsRefusedUnlessAllowed() throws IOException {
    // A mapped endpoint is checked like a written one: the map must not smuggle plain HTTP in.
    Path map = dir.resolve("sim.yaml");
    Files.writeString(map, "54.1.2.4: http://127.0.0.1:8002\n");
    options = options.withEndpointMap(map);
    LoadResult r = load(SPEC);
    assertFalse(r.ok());
    assertTrue(
        render(r).contains(
            "error: controller 'b' has a plain http:// endpoint, which would send its API credentials unencrypted"
                + " (controllers[1].endpoint); use https:// (or host:port), or set defaults.api.tls.allow_plain_http: true"),
        render(r));
    assertFalse(render(r).contains("controller 'a'"), render(r));
  }

  @Test
  void badEndpointMapEntriesPointIntoTheMapFile() throws IOException {
    Path map = dir.resolve("sim.yaml");
    Files.writeString(map, "a: 127.0.0.1:8001\nb: not an endpoint\nc: 127.0.0.1:8003\n");
    options = options.withEndpointMap(map);
    LoadResult r = load(SPEC);
    assertFalse(r.ok());
    assertEquals(
        List.of(
            map + ":2:4: error: 'not an endpoint' is not an endpoint (b); write host[:port], https://host[:port] or http://host[:port]",
            map + ":3:1: error: endpoint map entry 'c' matches no controller name or endpoint host (c)"),
        r.diagnostics().stream().map(Diagnostic::format).toList());
  }

  @Test
  void aliasExpansionIsBounded() {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < 2100; i++) {
      items.append(i == 0 ? "" : ", ").append(i);
    }
    String bomb =
        "a: &a [" + items + "]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            + "c: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n";
    LoadResult r = load(bomb);
    assertEquals(1, r.diagnostics().size(), () -> render(r));
    assertTrue(r.diagnostics().get(0).message().contains("expands to more than 200000 values"), () -> render(r));
  }

  @Test
  void deepNestingIsADiagnostic() {
    LoadResult r = load("a: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n");
    assertFalse(r.ok());
    assertEquals(1, r.diagnostics().size(), () -> render(r));
  }
}
