package dev.meshctl.engine.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.meshctl.dsl.model.LicenseParameters;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LicenseParametersDigestTest {
  private static LicenseParameters custom(List<String> managers, String asns, String clients) {
    return new LicenseParameters(false, Optional.of("172.16.0.0/24"), managers, Optional.of(asns),
        Optional.of(clients), Optional.empty());
  }

  @Test
  void defaultParametersDigestAsDefault() {
    assertEquals(LicenseParametersDigest.DEFAULT, LicenseParametersDigest.of(LicenseParameters.DEFAULT));
  }

  @Test
  void equalParametersWrittenDifferentlyDigestAlike() {
    assertEquals(
        LicenseParametersDigest.of(custom(List.of("172.16.0.253", "172.16.0.252"), "65001 65002", "172.16.0.10-172.16.0.12")),
        LicenseParametersDigest.of(custom(List.of("172.16.0.253 ", " 172.16.0.252"), " 65001\t65002", "172.16.0.12,172.16.0.10, 172.16.0.11")));
  }

  @Test
  void managerOrderMatters() {
    assertNotEquals(
        LicenseParametersDigest.of(custom(List.of("172.16.0.253", "172.16.0.252"), "65001 65002", "")),
        LicenseParametersDigest.of(custom(List.of("172.16.0.252", "172.16.0.253"), "65001 65002", "")));
  }

  @Test
  void clientRangesExpandInAddressOrder() {
    assertEquals(
        List.of("10.0.0.9", "10.0.0.10", "10.0.1.0"),
        LicenseParametersDigest.clients("10.0.1.0, 10.0.0.9-10.0.0.10"));
  }
}
