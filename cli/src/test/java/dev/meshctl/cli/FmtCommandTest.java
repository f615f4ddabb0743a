package dev.meshctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code meshctl fmt} through the real command line. */
class FmtCommandTest {
  static final String UNFORMATTED = "kind: Mesh   # always Mesh\napiVersion:   'meshctl/v1'\n";
  static final String FORMATTED = "apiVersion: meshctl/v1\nkind: Mesh # always Mesh\n";

  @TempDir Path dir;

  @Test
  void rewritesInPlaceAndListsTheFile() throws IOException {
    Path f = write("mesh.yaml", UNFORMATTED);
    CommandRun r = CommandRun.of("fmt", f.toString());
    assertEquals(0, r.code(), r::toString);
    assertEquals(f + "\n", r.out());
    assertEquals(FORMATTED, Files.readString(f));
    CommandRun again = CommandRun.of("fmt", f.toString());
    assertEquals(0, again.code(), again::toString);
    assertEquals("", again.out(), "a formatted file is not listed");
  }

  @Test
  void checkWritesNothingListsChangedFilesAndExits1() throws IOException {
    Path bad = write("a.yaml", UNFORMATTED);
    Path good = write("b.yaml", FORMATTED);
    CommandRun r = CommandRun.of("fmt", "--check", bad.toString(), good.toString());
    assertEquals(1, r.code(), r::toString);
    assertEquals(bad + "\n", r.out());
    assertEquals(UNFORMATTED, Files.readString(bad));
    assertEquals(0, CommandRun.of("fmt", "--check", good.toString()).code());
  }

  @Test
  void diffShowsTheChange() throws IOException {
    Path f = write("mesh.yaml", UNFORMATTED);
    CommandRun r = CommandRun.of("fmt", "--check", "--diff", f.toString());
    assertEquals(1, r.code(), r::toString);
    assertTrue(r.out().contains("--- " + f + "\n+++ " + f + " (formatted)\n"), r::toString);
    assertTrue(r.out().contains("-kind: Mesh   # always Mesh\n"), r::toString);
    assertTrue(r.out().contains("+kind: Mesh # always Mesh\n"), r::toString);
  }

  @Test
  void invalidYamlIsReportedWithItsPlaceAndLeftUntouched() throws IOException {
    String broken = "apiVersion: meshctl/v1\ncontrollers: [a\n";
    Path f = write("mesh.yaml", broken);
    CommandRun r = CommandRun.of("fmt", f.toString());
    assertEquals(1, r.code(), r::toString);
    assertTrue(r.err().startsWith(f + ":"), r::toString);
    assertTrue(r.err().contains("error: invalid YAML"), r::toString);
    assertTrue(!r.err().contains("Exception"), r::toString);
    assertEquals(broken, Files.readString(f));
  }

  @Test
  void aMissingFileIsOneClearLine() {
    CommandRun r = CommandRun.of("fmt", dir.resolve("nope.yaml").toString());
    assertEquals(1, r.code());
    assertEquals("meshctl: error: cannot read " + dir.resolve("nope.yaml") + ": no such file\n", r.err());
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}
