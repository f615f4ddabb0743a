package dev.meshctl.dsl.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {
  @Test
  void equalTextsHaveNoDiff() {
    assertEquals("", UnifiedDiff.of("m.yaml", "a\nb\n", "a\nb\n"));
  }

  @Test
  void showsChangedLinesWithThreeLinesOfContext() {
    String before = "1\n2\n3\n4\nold\n6\n7\n8\n9\n";
    String after = "1\n2\n3\n4\nnew\n6\n7\n8\n9\n";
    assertEquals(
        """
        --- m.yaml
        +++ m.yaml (formatted)
        @@ -2,7 +2,7 @@
         2
         3
         4
        -old
        +new
         6
         7
         8
        """,
        UnifiedDiff.of("m.yaml", before, after));
  }

  @Test
  void separateChangesMakeSeparateHunks() {
    StringBuilder a = new StringBuilder();
    for (int i = 1; i <= 20; i++) {
      a.append(i).append('\n');
    }
    String before = a.toString();
    String after = before.replaceFirst("(?m)^2$", "two").replaceFirst("(?m)^19$", "nineteen");
    String diff = UnifiedDiff.of("f", before, after);
    assertEquals(2, diff.lines().filter(l -> l.startsWith("@@")).count(), diff);
    assertEquals(true, diff.contains("@@ -1,5 +1,5 @@\n 1\n-2\n+two\n"), diff);
  }

  @Test
  void insertionAtTheEnd() {
    assertEquals(
        "--- f\n+++ f (formatted)\n@@ -1,1 +1,2 @@\n a\n+b\n", UnifiedDiff.of("f", "a\n", "a\nb\n"));
  }
}
