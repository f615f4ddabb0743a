package dev.meshctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.dsl.format.SpecFormatter;
import dev.meshctl.dsl.load.LoadOptions;
import dev.meshctl.dsl.load.LoadResult;
import dev.meshctl.dsl.load.SpecLoader;
import dev.meshctl.dsl.model.ApiAccess;
import dev.meshctl.dsl.model.ControllerSpec;
import dev.meshctl.dsl.model.Endpoint;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.dsl.model.Secret;
import dev.meshctl.dsl.model.TlsSpec;
import dev.meshctl.engine.client.ClientOptions;
import dev.meshctl.engine.client.RouteRequest;
import dev.meshctl.engine.client.Vns3Client;
import dev.meshctl.engine.client.Vns3Clients;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * meshctl import against a converged simulated mesh: the imported spec, applied back, changes
 * nothing; routes meshctl does not manage are listed as comments; no secret is written.
 */
class ImportRoundTripIT {
  @TempDir Path dir;

  @Test
  void importedSpecOfAConvergedMeshHasNoChanges() throws Exception {
    try (LocalMesh mesh = LocalMesh.start(dir)) {
      // An extra route meshctl manages, so the import must write it back under routes:.
      String spec = Files.readString(mesh.spec())
          .replace("    controller_name: west-2b\n",
              "    controller_name: west-2b\n    routes:\n      - {cidr: 192.168.7.0/24, gateway: 10.0.2.129, description: to the lab}\n");
      Files.writeString(mesh.spec(), spec);
      MeshctlProcess meshctl = new MeshctlProcess(dir, LocalMesh.env());
      CommandRun apply = meshctl.run("apply", "--auto-approve", "--waits", "simulated", "mesh.yaml");
      assertEquals(0, apply.code(), apply::toString);
      addUnmanagedRoute(mesh.endpoint(2));

      Path imported = dir.resolve("imported.yaml");
      CommandRun imp =
          meshctl.run(
              "import",
              "--endpoint", "west-2b=" + mesh.endpoint(4),
              "--endpoint", "east-1a=" + mesh.endpoint(1),
              "--endpoint", "east-1b=" + mesh.endpoint(2),
              "--endpoint", "west-2a=" + mesh.endpoint(3),
              "--password-env", "MESHCTL_SIM_PASSWORD",
              "--keyset-token-env", "MESHCTL_KEYSET_TOKEN",
              "--insecure",
              "-o", "imported.yaml");
      assertEquals(0, imp.code(), imp::toString);
      String text = Files.readString(imported);

      CommandRun diff = meshctl.run("diff", "--detailed-exitcode", "imported.yaml");
      assertEquals(0, diff.code(), () -> diff + "\n--- imported.yaml\n" + text);

      assertTrue(text.contains("root: east-1a\n"), text);
      assertTrue(text.indexOf("- name: east-1a") < text.indexOf("- name: west-2b"), "ordered by peer ID:\n" + text);
      assertTrue(text.contains("password: ${env:MESHCTL_SIM_PASSWORD}"), text);
      assertTrue(text.contains("token: ${env:MESHCTL_KEYSET_TOKEN}"), text);
      assertTrue(text.contains("mode: full_mesh"), text);
      assertTrue(text.contains("- cidr: 192.168.7.0/24"), text);
      assertTrue(
          text.contains("# unmanaged route on east-1b: 172.16.0.0/16 via 10.0.1.129 dev eth0 \"added by hand\""
              + " — add it under routes: to manage it"),
          text);
      assertFalse(text.contains(LocalMesh.PASSWORD), "no secret in the spec");
      assertFalse(text.contains(LocalMesh.KEYSET_TOKEN), "no secret in the spec");
      assertFalse(SpecFormatter.format(text, "imported.yaml").changed(), "written in canonical form");

      // Part of the mesh: the spec could not keep the links to east-1b and west-2a, so no spec.
      CommandRun partial =
          meshctl.run(
              "import",
              "--endpoint", "east-1a=" + mesh.endpoint(1),
              "--endpoint", "west-2b=" + mesh.endpoint(4),
              "--password-env", "MESHCTL_SIM_PASSWORD",
              "--insecure",
              "-o", "partial.yaml");
      assertNotEquals(0, partial.code(), partial::toString);
      assertTrue(partial.toString().contains("peer ID 2 (10.0.1.140) is linked from east-1a, west-2b but is not among"
          + " the controllers imported"), partial::toString);
      assertTrue(partial.toString().contains("peer ID 3 (10.0.2.10)"), partial::toString);
      assertFalse(Files.exists(dir.resolve("partial.yaml")), "nothing written");
    }
  }

  /**
   * A controller whose name and route description are references (and hold a carriage return,
   * quotes and YAML syntax): the imported spec holds them as text, escaped, so that loading it
   * gives back exactly what the controllers hold and never resolves them.
   */
  @Test
  void hostileNamesAndDescriptionsComeBackAsTheyWereAndAreNeverResolved() throws Exception {
    try (LocalMesh mesh = LocalMesh.start(dir)) {
      String description = "lab\r\n${file:/etc/hostname} \"q\" # x: y";
      String spec = Files.readString(mesh.spec())
          .replace("  name: peering-mesh\n", "  name: \"$${env:MESHCTL_KEYSET_TOKEN} mesh\"\n")
          .replace("    controller_name: west-2b\n",
              "    controller_name: \"$${env:MESHCTL_SIM_PASSWORD}\"\n    routes:\n      - cidr: 192.168.7.0/24\n"
                  + "        gateway: 10.0.2.129\n        description: \"lab\\r\\n$${file:/etc/hostname} \\\"q\\\" # x: y\"\n");
      Files.writeString(mesh.spec(), spec);
      MeshctlProcess meshctl = new MeshctlProcess(dir, LocalMesh.env());
      CommandRun apply = meshctl.run("apply", "--auto-approve", "--waits", "simulated", "mesh.yaml");
      assertEquals(0, apply.code(), apply::toString);

      CommandRun imp =
          meshctl.run(
              "import",
              "--endpoint", "east-1a=" + mesh.endpoint(1),
              "--endpoint", "east-1b=" + mesh.endpoint(2),
              "--endpoint", "west-2a=" + mesh.endpoint(3),
              "--endpoint", "west-2b=" + mesh.endpoint(4),
              "--password-env", "MESHCTL_SIM_PASSWORD",
              "--keyset-token-env", "MESHCTL_KEYSET_TOKEN",
              "--insecure",
              "-o", "imported.yaml");
      assertEquals(0, imp.code(), imp::toString);
      String text = Files.readString(dir.resolve("imported.yaml"));
      assertTrue(text.contains("controller_name: \"$${env:MESHCTL_SIM_PASSWORD}\""), text);

      CommandRun validate = meshctl.run("validate", "imported.yaml");
      assertEquals(0, validate.code(), () -> validate + "\n--- imported.yaml\n" + text);
      CommandRun diff = meshctl.run("diff", "--detailed-exitcode", "imported.yaml");
      assertEquals(0, diff.code(), () -> diff + "\n--- imported.yaml\n" + text);
      for (CommandRun r : List.of(imp, validate, diff)) {
        assertFalse((r.out() + r.err()).contains(LocalMesh.PASSWORD), r::toString);
        assertFalse((r.out() + r.err()).contains(LocalMesh.KEYSET_TOKEN), r::toString);
      }

      LoadResult loaded = SpecLoader.load(dir.resolve("imported.yaml"), new LoadOptions(LocalMesh.env(), Optional.empty()));
      assertTrue(loaded.ok(), loaded.diagnostics()::toString);
      MeshSpec back = loaded.spec().orElseThrow();
      assertEquals("${env:MESHCTL_KEYSET_TOKEN} mesh", back.topology());
      ControllerSpec west = back.controller("west-2b").orElseThrow();
      assertEquals(Optional.of("${env:MESHCTL_SIM_PASSWORD}"), west.controllerName());
      assertEquals(Optional.of(description), west.routes().get(0).description());
    }
  }

  @Test
  void anUnreachableControllerIsAnErrorAndNothingIsWritten() throws Exception {
    MeshctlProcess meshctl = new MeshctlProcess(dir, java.util.Map.of("VNS3_API_PASSWORD", "x"));
    CommandRun r = meshctl.run("import", "--endpoint", "a=127.0.0.1:1", "--insecure", "-o", "m.yaml");
    assertEquals(1, r.code(), r::toString);
    assertTrue(r.err().contains("controller \"a\" (127.0.0.1:1): cannot read:"), r::toString);
    assertFalse(Files.exists(dir.resolve("m.yaml")));
  }

  @Test
  void aMissingPasswordVariableIsOneClearLine() {
    CommandRun r = CommandRun.of("import", "--endpoint", "a=127.0.0.1:1", "--password-env", "MESHCTL_TEST_UNSET_VAR");
    assertEquals(1, r.code());
    assertEquals(
        "meshctl: error: the environment variable MESHCTL_TEST_UNSET_VAR is not set: it must hold the API password\n",
        r.err());
  }

  @Test
  void aPlainHttpEndpointIsRefusedUnlessAllowed() {
    CommandRun r = CommandRun.of("import", "--endpoint", "a=http://127.0.0.1:1", "--token-env", "PATH");
    assertEquals(1, r.code());
    assertEquals(
        "meshctl: error: --endpoint a=http://127.0.0.1:1: plain http:// would send the API credentials unencrypted;"
            + " use https:// (or HOST[:PORT]), or add --allow-plain-http for a test setup\n",
        r.err());
    CommandRun allowed = CommandRun.of("import", "--endpoint", "a=http://127.0.0.1:1", "--token-env", "PATH", "--allow-plain-http");
    assertTrue(
        allowed.err().startsWith("meshctl: warning: API credentials sent unencrypted to the http:// endpoints (--allow-plain-http)\n"),
        allowed::toString);
  }

  @Test
  void badEndpointsAreNamed() {
    CommandRun r = CommandRun.of("import", "--endpoint", "no-equals-sign", "--endpoint", "b=bad host", "--token-env", "PATH");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("--endpoint no-equals-sign: expected NAME=HOST[:PORT]"), r::toString);
    assertTrue(r.err().contains("--endpoint b=bad host: \"bad host\" is not an endpoint"), r::toString);
  }

  @Test
  void fromAMinimalSpecReadsItsControllersAndCredentials() throws Exception {
    Path minimal = dir.resolve("minimal.yaml");
    Files.writeString(
        minimal,
        "defaults:\n  api:\n    password: ${env:PATH}\n    tls: {insecure: true}\n"
            + "controllers:\n  - {name: a, endpoint: 127.0.0.1:1}\n");
    CommandRun r = CommandRun.of("import", "--from", minimal.toString());
    assertEquals(1, r.code(), r::toString);
    assertTrue(r.err().contains("TLS certificates not verified"), r::toString);
    assertTrue(r.err().contains("controller \"a\" (127.0.0.1:1): cannot read:"), r::toString);
  }

  @Test
  void aMinimalSpecMayNotHoldASecretValue() throws Exception {
    Path minimal = dir.resolve("minimal.yaml");
    Files.writeString(minimal, "defaults:\n  api:\n    password: hunter2\ncontrollers:\n  - {name: a, endpoint: 10.0.0.1}\n");
    CommandRun r = CommandRun.of("import", "--from", minimal.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains(minimal + ": defaults.api.password must be an ${env:NAME} reference"), r::toString);
    assertFalse(r.err().contains("hunter2"), r::toString);
  }

  private static void addUnmanagedRoute(String endpoint) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      ApiAccess api =
          new ApiAccess(
              "api", Optional.of(Secret.of(LocalMesh.PASSWORD)), Optional.empty(),
              new TlsSpec(Optional.empty(), Optional.empty(), true),
              ApiAccess.DEFAULT_CONNECT_TIMEOUT, ApiAccess.DEFAULT_REQUEST_TIMEOUT);
      ControllerSpec c =
          new ControllerSpec("east-1b", Endpoint.parse(endpoint).orElseThrow(), "", "", Optional.empty(),
              Optional.empty(), java.util.OptionalInt.empty(), Optional.empty(), api, List.of());
      Vns3Client client = Vns3Clients.create(vertx, c, ClientOptions.DEFAULT);
      LocalMesh.await(
          client.createRoute(
              new RouteRequest("172.16.0.0/16", Optional.of("10.0.1.129"), Optional.of("eth0"), false, 0, Optional.of("added by hand"))));
      LocalMesh.await(client.close());
    } finally {
      LocalMesh.await(vertx.close());
    }
  }
}
