package dev.meshctl.dsl.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticsTest {
  private static final Diagnostic LATE = Diagnostic.error("b", new SourceLocation("m.yaml", 9, 1), "x");
  private static final Diagnostic EARLY = Diagnostic.warning("a", new SourceLocation("m.yaml", 2, 3), "y");
  private static final Diagnostic NOWHERE = Diagnostic.error("lock held").withHint("wait");

  @Test
  void keepsItsDiagnosticsSortedWhateverTheOrderTheyCameIn() {
    assertEquals(List.of(NOWHERE, EARLY, LATE), Diagnostics.of(LATE, NOWHERE, EARLY));
    assertEquals(List.of(NOWHERE, EARLY, LATE), Diagnostics.of(LATE).append(EARLY).merge(List.of(NOWHERE)));
  }

  @Test
  void appendAndMergeLeaveTheOriginalAsItWas() {
    Diagnostics one = Diagnostics.of(EARLY);
    Diagnostics two = one.append(LATE);
    assertEquals(List.of(EARLY), one);
    assertEquals(2, two.size());
    assertThrows(UnsupportedOperationException.class, () -> two.add(NOWHERE));
  }

  @Test
  void hasErrorsOnlyWhenOneIsAnError() {
    assertFalse(Diagnostics.empty().hasErrors());
    assertFalse(Diagnostics.of(EARLY).hasErrors());
    assertTrue(Diagnostics.of(EARLY).append(LATE).hasErrors());
    assertEquals(1, Diagnostics.of(EARLY, LATE).errors());
    assertEquals(1, Diagnostics.of(EARLY, LATE).warnings());
  }

  @Test
  void theOneLineFormCarriesDetailAddressAndHint() {
    Diagnostic d =
        Diagnostic.error("controller \"c1\" cannot be read", null, "controller[\"c1\"]")
            .withDetail("GET /config: connection refused")
            .withHint("check its endpoint");
    assertEquals(
        "error: controller \"c1\" cannot be read: GET /config: connection refused (controller[\"c1\"]);"
            + " check its endpoint",
        d.format());
  }
}
