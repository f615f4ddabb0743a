package dev.meshctl.simulator.license;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimLicenseTest {
  @Test
  void anIssuedLicenseParsesBack() {
    SimLicense issued = SimLicense.issue(8);
    assertEquals(Optional.of(issued), SimLicense.parse(issued.text()));
    assertEquals(Optional.of(issued), SimLicense.parse("\n  " + issued.text().replace("\n", "\r\n") + "\n"));
  }

  @Test
  void anythingElseIsRejected() {
    String text = SimLicense.issue(8).text();
    assertTrue(SimLicense.parse(text.replace("controllers: 8", "controllers: 9")).isEmpty());
    assertTrue(SimLicense.parse(text.replaceAll("license-id: \\S+", "license-id: other")).isEmpty());
    assertTrue(SimLicense.parse(text.replaceAll("signature: \\S+", "signature: 00")).isEmpty());
    assertTrue(SimLicense.parse("random text").isEmpty());
    assertTrue(SimLicense.parse("").isEmpty());
    assertTrue(SimLicense.parse(null).isEmpty());
  }

  @Test
  void controllerCountIsBounded() {
    assertThrows(IllegalArgumentException.class, () -> SimLicense.issue(0));
    assertThrows(IllegalArgumentException.class, () -> SimLicense.issue(SimLicense.MAX_CONTROLLERS + 1));
  }
}
