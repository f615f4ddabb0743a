package dev.meshctl.dsl.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.diag.SourceLocation;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlReaderTest {
  private static List<String> problems(String text) {
    return YamlReader.read(text, "t.yaml").diagnostics().stream().map(Diagnostic::format).toList();
  }

  @Test
  void tabsInsideValuesAreFineButNotInIndentation() {
    assertTrue(problems("a: \"x\\ty\"\nb: 'x\ty'\n").isEmpty());
    assertEquals(
        List.of(
            "t.yaml:2:1: error: tab character in indentation; YAML indents with spaces only",
            "t.yaml:3:3: error: tab character in indentation; YAML indents with spaces only"),
        problems("a:\n\tb: 1\n- \tc\n"));
  }

  @Test
  void everyDuplicateKeyIsReported() {
    assertEquals(
        List.of(
            "t.yaml:3:3: error: duplicate key 'x' (first defined at line 2) (a.x); a key may appear only once in a mapping",
            "t.yaml:5:1: error: duplicate key 'a' (first defined at line 1) (a); a key may appear only once in a mapping"),
        problems("a:\n  x: 1\n  x: 2\nb: 3\na: 4\n"));
  }

  @Test
  void positionsOfKeysAndValues() {
    YamlDocument doc = YamlReader.read("top:\n  list:\n    - {k: v}\n", "t.yaml").document().orElseThrow();
    assertEquals(new SourceLocation("t.yaml", 2, 3), doc.sourceMap().key("top.list"));
    assertEquals(new SourceLocation("t.yaml", 3, 11), doc.sourceMap().value("top.list[0].k"));
    assertEquals(new SourceLocation("t.yaml", 3, 11), doc.sourceMap().value("top.list[0].k.missing"));
    assertEquals("v", doc.tree().path("top").path("list").path(0).path("k").asText());
  }

  @Test
  void scalarsKeepTheirYamlTypes() {
    YamlDocument doc =
        YamlReader.read("i: 0x10\nf: 1.5\nb: true\nn: ~\ns: '1'\ne: ${NAME}\n", "t.yaml").document().orElseThrow();
    assertEquals(16, doc.tree().get("i").asInt());
    assertTrue(doc.tree().get("f").isDouble());
    assertTrue(doc.tree().get("b").isBoolean());
    assertTrue(doc.tree().get("n").isNull());
    assertTrue(doc.tree().get("s").isTextual());
    assertEquals("${NAME}", doc.tree().get("e").asText());
  }
}
