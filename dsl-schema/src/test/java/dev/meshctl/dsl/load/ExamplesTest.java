package dev.meshctl.dsl.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.model.ControllerSpec;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.dsl.model.PeerAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shipped examples validate, and resolve to the seed tutorial's mesh. */
class ExamplesTest {
  static final Path EXAMPLES = Path.of("..", "examples");

  @Test
  void peeringMeshResolvesTerraformOutputs() {
    LoadResult r =
        SpecLoader.load(
            EXAMPLES.resolve("peering-mesh/mesh.yaml"),
            new LoadOptions(Map.of("VNS3_API_PASSWORD", "pw", "VNS3_KEYSET_TOKEN", "tok"), Optional.empty()));
    assertTrue(r.ok(), () -> render(r.diagnostics()));
    MeshSpec spec = r.spec().orElseThrow();
    assertEquals("peering-mesh", spec.topology());
    assertEquals(List.of("east-1a", "east-1b", "west-2a", "west-2b"), spec.controllers().stream().map(ControllerSpec::name).toList());
    assertEquals(List.of("10.0.1.10", "10.0.1.140", "10.0.2.10", "10.0.2.140"), spec.controllers().stream().map(ControllerSpec::privateIp).toList());
    assertEquals(List.of("10.0.1.0/25", "10.0.1.128/25", "10.0.2.0/25", "10.0.2.128/25"), spec.controllers().stream().map(ControllerSpec::subnet).toList());
    // No peer_id is written: the plan gives each controller the ID it has, or the lowest free one.
    assertTrue(spec.controllers().stream().allMatch(c -> c.peerId().isEmpty()));
    ControllerSpec east = spec.rootController();
    assertEquals("https://54.210.14.23:8000/api", east.endpoint().baseUrl());
    assertEquals("pw", east.api().password().orElseThrow().reveal());
    assertEquals("tok", spec.keysetToken().reveal());
    assertTrue(spec.peering().fullMesh());
    assertEquals(PeerAddress.PRIVATE_IP, spec.peering().address());
    // Only the insecure-TLS warning: every secret comes from the environment.
    assertEquals(1, r.warnings(), () -> render(r.diagnostics()));
  }

  @Test
  void localExampleTargetsSimulatedControllers() {
    LoadResult r =
        SpecLoader.load(
            EXAMPLES.resolve("local/mesh.yaml"),
            new LoadOptions(
                Map.of("MESHCTL_SIM_PASSWORD", "pw", "MESHCTL_KEYSET_TOKEN", "tok"), Optional.empty()));
    assertTrue(r.ok(), () -> render(r.diagnostics()));
    List<String> endpoints = r.spec().orElseThrow().controllers().stream().map(c -> c.endpoint().baseUrl()).toList();
    assertEquals(
        List.of(
            "https://127.0.0.1:8001/api",
            "https://127.0.0.1:8002/api",
            "https://127.0.0.1:8003/api",
            "https://127.0.0.1:8004/api"),
        endpoints);
    assertTrue(r.spec().get().controllers().get(0).api().tls().insecure());
  }

  @Test
  void missingEnvironmentIsAnErrorNamingTheVariable() {
    LoadResult r = SpecLoader.load(EXAMPLES.resolve("peering-mesh/mesh.yaml"), new LoadOptions(Map.of(), Optional.empty()));
    assertTrue(r.spec().isEmpty());
    String text = render(r.diagnostics());
    assertTrue(text.contains("environment variable VNS3_API_PASSWORD is not set"), text);
    assertTrue(text.contains("environment variable VNS3_KEYSET_TOKEN is not set"), text);
  }

  static String render(List<Diagnostic> diagnostics) {
    return String.join("\n", diagnostics.stream().map(Diagnostic::format).toList());
  }
}
