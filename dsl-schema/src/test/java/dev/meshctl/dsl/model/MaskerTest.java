package dev.meshctl.dsl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.load.LoadOptions;
import dev.meshctl.dsl.load.LoadResult;
import dev.meshctl.dsl.load.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the masker hides, and what a loaded spec tells it to. */
class MaskerTest {
  @TempDir Path dir;

  @Test
  void masksEveryOccurrenceInEveryQuotedForm() {
    Masker m = new Masker();
    m.register("pa\"ss\\word-1");
    assertEquals("a (sensitive) b (sensitive)", m.mask("a pa\"ss\\word-1 b pa\"ss\\word-1"));
    assertEquals("{\"v\":\"(sensitive)\"}", m.mask("{\"v\":\"pa\\\"ss\\\\word-1\"}"));
    assertEquals("name: \"(sensitive)\"", m.mask("name: \"pa\\\"ss\\word-1\""));
  }

  @Test
  void shortValuesAreNotMaskedAndTheLongestWins() {
    Masker m = new Masker();
    m.register("1400");
    m.register("secret");
    m.register("secret-and-more");
    assertEquals("mtu 1400, (sensitive), (sensitive)", m.mask("mtu 1400, secret-and-more, secret"));
  }

  @Test
  void eachLineOfAMultiLineSecretIsMasked() {
    Masker m = new Masker();
    m.register("-----BEGIN-----\nline-one-of-the-license\nline-two-of-the-license\n");
    assertEquals("quoted: (sensitive)", m.mask("quoted: line-two-of-the-license"));
  }

  @Test
  void aLoadedSpecNamesEveryValueToMaskAndWarnsOfSecretsInOtherFields() throws Exception {
    Files.writeString(dir.resolve("license.txt"), "LICENSE-TEXT-123");
    Files.writeString(dir.resolve("name.txt"), "from-a-plain-file\n");
    String spec =
        "apiVersion: meshctl/v1\nkind: Mesh\nmetadata: {name: \"m-${env:RT_PW}\"}\n"
            + "defaults: {api: {password: literal-password}}\n"
            + "license: {file: ./license.txt, parameters: {default: true}}\nkeyset: {token: \"${env:KT}\"}\nroot: a\n"
            + "controllers:\n  - {name: a, endpoint: 10.0.1.10, private_ip: 10.0.1.10, subnet: 10.0.1.0/24,"
            + " controller_name: \"${file:name.txt}\"}\npeering: {mode: full_mesh}\n";
    LoadResult r =
        SpecLoader.loadString(spec, "mesh.yaml", dir, new LoadOptions(Map.of("RT_PW", "operator-pw", "KT", "keyset-tok"), Optional.empty()));
    assertTrue(r.ok(), r.diagnostics()::toString);
    assertTrue(r.secrets().containsAll(List.of("operator-pw", "keyset-tok", "from-a-plain-file", "literal-password", "LICENSE-TEXT-123")), r.secrets()::toString);
    List<String> warnings =
        r.diagnostics().stream().filter(d -> !d.isError()).map(Diagnostic::format).filter(d -> d.contains("looks like a secret")).toList();
    // RT_PW looks like a secret and feeds metadata.name; name.txt does not look like one.
    assertEquals(
        List.of("mesh.yaml:3:18: warning: the value comes from ${env:RT_PW}, which looks like a secret, but this field is not"
            + " secret: it is shown in plans and diffs (metadata.name); meshctl masks the value in everything it prints or"
            + " writes; put secrets only in api.password, api.token or keyset.token, and write $${ for a literal ${"),
        warnings);
  }
}
