package dev.meshctl.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.dsl.load.LoadOptions;
import dev.meshctl.dsl.load.LoadResult;
import dev.meshctl.dsl.load.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FromSpecTest {
  @Test
  void oneControllerPerSpecControllerAtItsEndpoint() throws Exception {
    Path dir = Path.of("..", "examples", "local").toAbsolutePath().normalize();
    String text = Files.readString(dir.resolve("mesh.yaml"));
    LoadResult loaded = SpecLoader.loadString(text, "mesh.yaml", dir,
        new LoadOptions(Map.of("MESHCTL_SIM_PASSWORD", "pw", "MESHCTL_KEYSET_TOKEN", "tok"), Optional.empty()));
    assertTrue(loaded.ok(), loaded.diagnostics().toString());
    SimulatorConfig config = SimulatorConfig.fromSpec(loaded.spec().orElseThrow());
    assertTrue(config.tls());
    assertEquals(4, config.controllers().size());
    SimulatedControllerConfig first = config.controllers().get(0);
    assertEquals("east-1a", first.name());
    assertEquals("127.0.0.1", first.bindHost());
    assertEquals(8001, first.port());
    assertEquals("10.0.1.10", first.privateIp());
    assertEquals("10.0.1.0/25", first.subnet());
    assertEquals(4, config.controllers().stream().map(SimulatedControllerConfig::publicIp).distinct().count());
  }

  @Test
  void eachControllerStartsWithTheSpecsPasswordForIt() throws Exception {
    Path dir = Path.of("..", "examples", "local").toAbsolutePath().normalize();
    String text = Files.readString(dir.resolve("mesh.yaml"))
        .replace("  - name: west-2b\n", "  - name: west-2b\n    api: {password: \"${env:WEST_2B_PASSWORD}\"}\n");
    LoadResult loaded = SpecLoader.loadString(text, "mesh.yaml", dir,
        new LoadOptions(
            Map.of("MESHCTL_SIM_PASSWORD", "pw", "MESHCTL_KEYSET_TOKEN", "tok", "WEST_2B_PASSWORD", "i-0abc"),
            Optional.empty()));
    assertTrue(loaded.ok(), loaded.diagnostics().toString());
    SimulatorConfig config = SimulatorConfig.fromSpec(loaded.spec().orElseThrow());
    assertEquals("pw", config.initialPassword("east-1a"));
    assertEquals("i-0abc", config.initialPassword("west-2b"));
    assertEquals("shared", config.withControllerPasswords(Map.of()).withApiPassword("shared").initialPassword("west-2b"));
    assertTrue(!config.toString().contains("i-0abc"), config.toString());
  }
}
