package dev.meshctl.cli.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.cli.scenarios.ConformanceScenariosIT.Run;
import dev.meshctl.dsl.load.LoadOptions;
import dev.meshctl.dsl.load.SpecLoader;
import dev.meshctl.dsl.model.ControllerSpec;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.engine.planfile.PlanFile;
import dev.meshctl.engine.planfile.SavedPlan;
import dev.meshctl.simulator.SimTimings;
import dev.meshctl.simulator.SimulatedControllerConfig;
import dev.meshctl.simulator.Simulator;
import dev.meshctl.simulator.SimulatorConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output modes of diff, plan and graph against four fresh simulated controllers. */
class PlanOutputIT {
  private static final Path SPEC = Path.of("../specs/scenarios/fresh-mesh/mesh.yaml").toAbsolutePath().normalize();
  private static Vertx vertx;
  private static Simulator sim;
  private static Path endpoints;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    MeshSpec spec = SpecLoader.load(SPEC, LoadOptions.defaults()).spec().orElseThrow();
    List<SimulatedControllerConfig> sims = new ArrayList<>();
    for (ControllerSpec c : spec.controllers()) {
      int position = spec.controllers().indexOf(c) + 1;
      sims.add(new SimulatedControllerConfig(c.name(), "127.0.0.1", 0, c.privateIp(), "198.51.100." + position,
          c.subnet(), c.dnsName()));
    }
    vertx = Vertx.vertx();
    sim = Simulator.start(vertx, SimulatorConfig.defaults(sims).withTls(false).withApiPassword("sim-password")
            .withTimings(SimTimings.FAST).withAdminPort(-1))
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    StringBuilder map = new StringBuilder();
    sim.controllers().forEach(c -> map.append(c.name()).append(": \"").append(c.endpoint()).append("\"\n"));
    endpoints = Files.createTempFile("endpoints", ".yaml");
    Files.writeString(endpoints, map.toString());
  }

  @AfterAll
  static void stop() throws Exception {
    sim.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    Files.deleteIfExists(endpoints);
  }

  private static Run meshctl(String... args) {
    return ConformanceScenariosIT.meshctl(args);
  }

  @Test
  void savedPlanReadsBackAndHoldsNoSecret() throws Exception {
    Path out = dir.resolve("plan.json");
    Run r = meshctl("plan", "--endpoint-map", endpoints.toString(), SPEC.toString(), "-out", out.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains("Saved the plan to " + out), r.err());
    String text = Files.readString(out);
    assertFalse(text.contains("scenario-keyset-token"));
    assertFalse(text.contains("sim-password"));
    assertFalse(text.contains("SIMULATOR LICENSE"));
    SavedPlan saved = PlanFile.read(out);
    assertEquals(42, saved.plan().order().size());
    assertEquals(4, saved.plan().fingerprints().size());
    assertEquals(64, saved.specSha256().length());

    Run again = meshctl("plan", "--endpoint-map", endpoints.toString(), SPEC.toString(), "--out", out.toString());
    assertEquals(0, again.exit(), again.err());
    assertEquals(saved.plan().fingerprints(), PlanFile.read(out).plan().fingerprints());
  }

  @Test
  void detailedExitCodeAndJson() {
    Run diff = meshctl("diff", "--json", "--detailed-exitcode", "--endpoint-map", endpoints.toString(), SPEC.toString());
    assertEquals(2, diff.exit(), diff.err());
    JsonObject json = new JsonObject(diff.out());
    assertEquals(1, json.getInteger("format_version"));
    assertEquals(41, json.getJsonObject("summary").getInteger("add"));

    Run plan = meshctl("plan", "--json", "--endpoint-map", endpoints.toString(), SPEC.toString());
    assertEquals(0, plan.exit(), plan.err());
    assertEquals(42, new JsonObject(plan.out()).getJsonArray("actions").size());
  }

  @Test
  void graphIsDot() {
    Run r = meshctl("graph", "--endpoint-map", endpoints.toString(), SPEC.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("digraph plan {"), r.out());
    assertTrue(r.out().contains("upload license"), r.out());
  }

  @Test
  void anInvalidSpecIsReportedWithoutTouchingAController() throws Exception {
    Path bad = dir.resolve("mesh.yaml");
    Files.writeString(bad, Files.readString(SPEC).replace("private_ip: 10.0.1.10", "private_ip: 10.0.1.999"));
    sim.controllers().forEach(c -> c.resetRequestCounts());
    Run r = meshctl("diff", "--endpoint-map", endpoints.toString(), bad.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("mesh.yaml:"), r.err());
    assertEquals("", r.out());
    sim.controllers().forEach(c -> assertEquals(0, c.requestCounts().total(), c.name()));
  }
}
