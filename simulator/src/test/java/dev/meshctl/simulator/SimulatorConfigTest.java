package dev.meshctl.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulatorConfigTest {
  @Test
  void sequentialGivesDistinctAddressesBeyond254() {
    SimulatorConfig c = SimulatorConfig.sequential(600, "127.0.0.1", 9000);
    Set<String> privates = new HashSet<>();
    Set<String> publics = new HashSet<>();
    Set<String> subnets = new HashSet<>();
    for (SimulatedControllerConfig s : c.controllers()) {
      privates.add(s.privateIp());
      publics.add(s.publicIp());
      subnets.add(s.subnet());
    }
    assertEquals(600, privates.size());
    assertEquals(600, publics.size());
    assertEquals(600, subnets.size());
    assertEquals(9599, c.controllers().get(599).port());
    assertEquals("10.0.254.0/24", c.controllers().get(253).subnet());
    assertEquals("10.1.1.0/24", c.controllers().get(254).subnet());
  }

  @Test
  void rejectsWhatCannotWork() {
    SimulatedControllerConfig a = new SimulatedControllerConfig("a", "127.0.0.1", 8001, "10.0.1.10", "1.1.1.1", "10.0.1.0/24", Optional.empty());
    SimulatedControllerConfig sameName = new SimulatedControllerConfig("a", "127.0.0.1", 8002, "10.0.2.10", "1.1.1.2", "10.0.2.0/24", Optional.empty());
    SimulatedControllerConfig samePort = new SimulatedControllerConfig("b", "127.0.0.1", 8001, "10.0.2.10", "1.1.1.2", "10.0.2.0/24", Optional.empty());
    assertThrows(IllegalArgumentException.class, () -> SimulatorConfig.defaults(List.of(a, sameName)));
    assertThrows(IllegalArgumentException.class, () -> SimulatorConfig.defaults(List.of(a, samePort)));
    assertThrows(IllegalArgumentException.class, () -> SimulatorConfig.defaults(List.of(a)).withApiPassword("a:b"));
    assertThrows(IllegalArgumentException.class, () -> new FaultConfig(0.6, 0.6, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> SimulatorConfig.sequential(0, "127.0.0.1", 0));
  }

  @Test
  void toStringNeverShowsThePassword() {
    String text = SimulatorConfig.sequential(1, "127.0.0.1", 0).withApiPassword("hunter2").toString();
    org.junit.jupiter.api.Assertions.assertFalse(text.contains("hunter2"), text);
  }

  @Test
  void generatedPasswordsFollowTheSeed() {
    assertEquals(Passwords.generated(1, "ctl1"), Passwords.generated(1, "ctl1"));
    assertNotEquals(Passwords.generated(1, "ctl1"), Passwords.generated(1, "ctl2"));
    assertNotEquals(Passwords.generated(1, "ctl1"), Passwords.generated(2, "ctl1"));
  }
}
