package dev.meshctl.dsl.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.load.LoadOptions;
import dev.meshctl.dsl.load.LoadResult;
import dev.meshctl.dsl.load.SpecLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/dsl.md is what the generator makes from the schema, and its example is a valid spec. */
class DslReferenceTest {
  static final Path DOC = Path.of("..", "docs", "dsl.md");

  @Test
  void docsMatchTheSchema() throws IOException {
    String generated = DslReference.render();
    if (Boolean.getBoolean("meshctl.updateGolden")) {
      Files.writeString(DOC, generated, StandardCharsets.UTF_8);
    }
    String committed = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";
    assertEquals(
        generated,
        committed,
        "docs/dsl.md is out of date with the schema; regenerate it with: "
            + "mvn -o test -pl dsl-schema -Dtest=DslReferenceTest -Dmeshctl.updateGolden=true");
  }

  @Test
  void everySchemaFieldIsDocumented() {
    String doc = DslReference.render();
    for (String field :
        new String[] {"`controllers[].api.tls.fingerprint_sha256`", "`peering.links[].between`", "`license.parameters.my_manager_vip`", "`execution.keyset_timeout`", "`defaults.api.connect_timeout`"}) {
      assertTrue(doc.contains(field), field);
    }
  }

  @Test
  void theExampleIsAValidSpec(@TempDir Path dir) throws IOException {
    Files.copy(Path.of("..", "examples", "peering-mesh", "outputs.json"), dir.resolve("outputs.json"));
    Files.writeString(dir.resolve("license.txt"), "LICENSE\n");
    Files.writeString(dir.resolve("controllers-ca.pem"), "-----BEGIN CERTIFICATE-----\n");
    Map<String, String> env =
        Map.of("VNS3_API_PASSWORD", "a", "VNS3_KEYSET_TOKEN", "b", "VNS3_EAST_1B_PASSWORD", "c");
    LoadResult r =
        SpecLoader.loadString(DslReference.example(), "mesh.yaml", dir, new LoadOptions(env, Optional.empty()));
    assertTrue(r.ok(), () -> String.join("\n", r.diagnostics().stream().map(Diagnostic::format).toList()));
    assertTrue(r.diagnostics().isEmpty(), () -> r.diagnostics().toString());
  }
}
