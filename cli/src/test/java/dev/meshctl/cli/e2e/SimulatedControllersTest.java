package dev.meshctl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedControllersTest {
  private final RegionOutputs west = RegionOutputs.read(RegionOutputsTest.westOutputs(), "west");

  @Test
  void controllersChosenForTheMapListenOnLoopbackAndAreMappedByName() throws Exception {
    List<SimulatedControllers.Placement> placed = SimulatedControllers.place(List.of(west), name -> true);

    assertEquals(List.of("west-1", "west-2"), placed.stream().map(SimulatedControllers.Placement::name).toList());
    for (SimulatedControllers.Placement p : placed) {
      assertEquals("127.0.0.1", p.bindHost());
      assertEquals(java.util.Optional.of(p.name()), p.mapKey());
    }
    assertEquals("i-2", placed.get(1).password());
    assertEquals("10.0.2.128/25", placed.get(1).subnet());
    String map = SimulatedControllers.endpointMap(placed);
    assertTrue(map.contains("\"west-1\": \"127.0.0.1:" + placed.get(0).port() + "\""), map);
  }

  @Test
  void otherControllersListenOnTheirPublicIpAndNeedNoMapEntryOnPort8000() throws Exception {
    List<SimulatedControllers.Placement> placed = SimulatedControllers.place(List.of(west), name -> false);

    for (SimulatedControllers.Placement p : placed) {
      assertEquals(p.publicIp(), p.bindHost());
      // Port 8000 may be taken on this machine: then the public IP itself is the map key.
      assertEquals(p.port() == 8000, p.mapKey().isEmpty(), p.toString());
      p.mapKey().ifPresent(k -> assertEquals(p.publicIp(), k));
    }
  }

  @Test
  void addressMapResolvesEveryAddressAPeerMayUse() throws Exception {
    List<SimulatedControllers.Placement> placed = SimulatedControllers.place(List.of(west), name -> true);
    String url = "https://127.0.0.1:" + placed.get(0).port();

    String map = SimulatedControllers.addressMap(placed);

    assertTrue(map.contains("10.0.2.10 " + url + "\n"), map);
    assertTrue(map.contains("127.1.2.3 " + url + "\n"), map);
    assertTrue(map.contains("ec2-127-1-2-3.x " + url + "\n"), map);
  }
}
