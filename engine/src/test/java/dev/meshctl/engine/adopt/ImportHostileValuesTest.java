package dev.meshctl.engine.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.dsl.load.LoadOptions;
import dev.meshctl.dsl.load.LoadResult;
import dev.meshctl.dsl.load.SpecLoader;
import dev.meshctl.dsl.model.ControllerSpec;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.dsl.model.RouteSpec;
import dev.meshctl.engine.desired.DesiredMesh;
import dev.meshctl.engine.desired.MeshExpander;
import dev.meshctl.engine.diff.MeshDiff;
import dev.meshctl.engine.diff.MeshDiffer;
import dev.meshctl.engine.diff.MeshFixtures;
import dev.meshctl.engine.live.LiveRoute;
import dev.meshctl.engine.live.MeshState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever text a controller answers with (its topology and controller names, its routes'
 * descriptions), {@code import} writes a spec that loads back with exactly that text, and no
 * {@code ${...}} in it is ever resolved: a controller named {@code ${env:API_PASSWORD}} must not
 * make the next plan print the operator's password.
 */
class ImportHostileValuesTest {
  /** What the environment holds while the imported spec is loaded: never to be seen in a value. */
  private static final String PLANTED = "planted-Rr63-environment-value";

  private static final List<String> PIECES =
      List.of(
          "${env:API_PASSWORD}", "${file:/etc/passwd}", "${file:license.txt}", "${tf:out}", "$${env:X}", "${", "$$",
          "$", "{", "}", "${env:API_PASSWORD", "\r", "\n", "\r\n", "\t", "\"", "'", "''", "\\", "\\n", "#", " #x",
          ": ", "- ", "? ", "&a", "*a", "!!str ", "!x", "|", ">", "%YAML", "@", "`", "[a, b]", "{a: b}", ",", "null", "true",
          "0x1F", "1e3", "~", " ", "  ", "\u0000", "\u0007", "\u001b[2J", "\u007f", "\u0085", "\u009b", "\u00a0",
          "\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff", "é", "日本語", "😀", "\ud800", "\udfff", "---", "...",
          "meshctl:", "plain words");

  @TempDir Path dir;

  @Test
  void namedHostileValuesLoadBackUnchanged() throws IOException {
    for (String hostile : List.of("${env:API_PASSWORD}", "a\rb", "route\r\ndescription", "\"${file:/etc/passwd}\"", "$${env:API_PASSWORD}")) {
      roundTrip(hostile, hostile, hostile);
    }
  }

  @Test
  void randomHostileValuesLoadBackUnchanged() throws IOException {
    long seed = Long.getLong("meshctl.seed", 17L);
    Random random = new Random(seed);
    for (int run = 0; run < 150; run++) {
      String topology = nonBlank(hostile(random));
      String controllerName = nonBlank(hostile(random));
      String description = hostile(random);
      String where = "seed " + seed + ", run " + run;
      try {
        roundTrip(topology, controllerName, description);
      } catch (AssertionError e) {
        throw new AssertionError(where + ": " + e.getMessage(), e);
      }
    }
  }

  @Test
  void veryLongValuesLoadBackUnchanged() throws IOException {
    String longText = "${env:API_PASSWORD} ".repeat(2_000) + "\r\n end";
    roundTrip(longText, longText, longText);
  }

  @Test
  void anUnmanagedRouteWithAnyDescriptionStaysAComment() throws IOException {
    Random random = new Random(Long.getLong("meshctl.seed", 14L));
    MeshSpec spec = MeshFixtures.spec(2);
    for (int run = 0; run < 60; run++) {
      // Not meshctl's marker: a route someone else made.
      String description = "vpn " + hostile(random);
      MeshState state =
          MeshFixtures.with(
              MeshFixtures.converged(MeshExpander.expand(spec)), MeshFixtures.name(2),
              s -> {
                List<LiveRoute> routes = new ArrayList<>(s.routes());
                routes.add(new LiveRoute("9", "172.16.0.0/12", Optional.of("10.0.2.1"), Optional.of("eth0"), false, 0, description, true, true));
                return MeshFixtures.withRoutes(s, routes);
              });
      ImportResult result = SpecInference.infer(targets(spec), state, SpecInferenceTest.OPTIONS);
      assertTrue(result.ok(), result.diagnostics()::toString);
      String yaml = result.yaml().orElseThrow();
      load(yaml);
      assertTrue(yaml.contains("# unmanaged route on ctl-02: 172.16.0.0/12"), yaml);
    }
  }

  /**
   * A converged mesh whose controllers answer with these texts, imported and loaded back: the
   * loaded values are the texts and the mesh needs no change.
   */
  private void roundTrip(String topology, String controllerName, String description) throws IOException {
    MeshSpec base = MeshFixtures.spec(2);
    MeshSpec spec =
        MeshFixtures.withController(
            withTopology(base, topology), MeshFixtures.name(2),
            c -> MeshFixtures.withRoutes(
                withControllerName(c, controllerName),
                List.of(new RouteSpec("192.168.0.0/16", Optional.of("10.0.2.1"), Optional.empty(), false, 0, Optional.of(description)))));
    DesiredMesh mesh = MeshExpander.expand(spec);
    MeshState converged = MeshFixtures.converged(mesh);
    ImportResult result = SpecInference.infer(targets(spec), converged, SpecInferenceTest.OPTIONS);
    assertTrue(result.ok(), result.diagnostics()::toString);
    String yaml = result.yaml().orElseThrow();
    MeshSpec loaded = load(yaml);
    assertEquals(topology, loaded.topology(), yaml);
    ControllerSpec second = loaded.controller(MeshFixtures.name(2)).orElseThrow();
    assertEquals(Optional.of(controllerName), second.controllerName(), yaml);
    assertEquals(Optional.of(description).filter(d -> !d.equals("extra route")), second.routes().get(0).description(), yaml);
    MeshDiff diff = MeshDiffer.diff(MeshExpander.expand(loaded), converged);
    assertEquals(List.of(), diff.changes(), yaml);
  }

  private MeshSpec load(String yaml) throws IOException {
    Files.writeString(dir.resolve("license.txt"), "LICENSE-TEXT");
    LoadResult loaded =
        SpecLoader.loadString(
            yaml, "mesh.yaml", dir,
            new LoadOptions(Map.of("PW", "pw-value", "KT", "keyset-token", "API_PASSWORD", PLANTED, "X", PLANTED), Optional.empty()));
    assertTrue(loaded.ok(), () -> loaded.diagnostics() + "\n" + yaml);
    assertFalse(loaded.spec().orElseThrow().toString().contains(PLANTED), yaml);
    return loaded.spec().orElseThrow();
  }

  private static String hostile(Random random) {
    StringBuilder sb = new StringBuilder();
    int n = 1 + random.nextInt(6);
    for (int i = 0; i < n; i++) {
      sb.append(PIECES.get(random.nextInt(PIECES.size())));
    }
    return sb.toString();
  }

  /** Names a controller reports blank are not imported: the spec leaves them out. */
  private static String nonBlank(String s) {
    return s.isBlank() ? s + "x" : s;
  }

  private static MeshSpec withTopology(MeshSpec s, String topology) {
    return new MeshSpec(s.source(), topology, s.controllers(), s.root(), s.license(), s.keysetToken(), s.peering(), s.routing(), s.execution());
  }

  private static ControllerSpec withControllerName(ControllerSpec c, String name) {
    return new ControllerSpec(c.name(), c.endpoint(), c.privateIp(), c.subnet(), c.publicIp(), c.dnsName(), c.peerId(), Optional.of(name), c.api(), c.routes());
  }

  private static List<ImportTarget> targets(MeshSpec spec) {
    return spec.controllers().stream()
        .map(c -> new ImportTarget(c.name(), c.endpoint(), c.endpoint().host() + ":" + c.endpoint().port()))
        .toList();
  }
}
