package dev.meshctl.dsl.ref;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.load.LoadOptions;
import dev.meshctl.dsl.load.LoadResult;
import dev.meshctl.dsl.load.SpecLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each reason a file cannot be read has its own message: a link loop is not a missing file, a
 * directory is not a file and permission denied is not "not UTF-8 text".
 */
class FileTextTest {
  @TempDir Path dir;

  @Test
  void aSymbolicLinkLoopIsCalledOne() throws Exception {
    Path a = dir.resolve("a.yaml");
    Path b = dir.resolve("b.yaml");
    Files.createSymbolicLink(a, b);
    Files.createSymbolicLink(b, a);
    FileText.Unreadable u = assertInstanceOf(FileText.Unreadable.class, FileText.read(a, "a.yaml", 1000));
    assertEquals("a.yaml is a symbolic link loop: following its links never reaches a file", u.message());
    assertEquals(Optional.of("point the link at the real file"), u.hint());
  }

  @Test
  void aLinkToNothingNamesWhereItPoints() throws Exception {
    Path a = dir.resolve("a.yaml");
    Files.createSymbolicLink(a, dir.resolve("gone.yaml"));
    FileText.Unreadable u = assertInstanceOf(FileText.Unreadable.class, FileText.read(a, "a.yaml", 1000));
    assertEquals("a.yaml is a symbolic link to " + dir.resolve("gone.yaml") + ", which does not exist", u.message());
  }

  @Test
  void aMissingFileDoesNotExist() {
    FileText.Unreadable u = assertInstanceOf(FileText.Unreadable.class, FileText.read(dir.resolve("no.yaml"), "no.yaml", 1000));
    assertEquals("file no.yaml does not exist", u.message());
  }

  @Test
  void aDirectoryIsNotAFile() throws Exception {
    Files.createDirectory(dir.resolve("mesh.yaml"));
    FileText.Unreadable u = assertInstanceOf(FileText.Unreadable.class, FileText.read(dir.resolve("mesh.yaml"), "mesh.yaml", 1000));
    assertEquals("mesh.yaml is a directory, not a file", u.message());
  }

  /** Tests run as root, which reads any file: the exception the JDK throws is mapped directly. */
  @Test
  void permissionDeniedIsSaidSo() {
    FileText.Unreadable u = FileText.problem(dir.resolve("license.txt"), "license.txt", new AccessDeniedException(dir.resolve("license.txt").toString()));
    assertEquals("permission denied: cannot read license.txt", u.message());
    assertTrue(u.hint().orElseThrow().startsWith("make it readable by the user running meshctl"), u.hint()::toString);
  }

  @Test
  void theJdksLoopErrorIsALoop() {
    FileText.Unreadable u =
        FileText.problem(dir.resolve("x"), "x", new FileSystemException("x", null, "Too many levels of symbolic links or unable to access attributes of symbolic link"));
    assertEquals("x is a symbolic link loop: following its links never reaches a file", u.message());
  }

  @Test
  void textThatIsNotUtf8NamesItsLine() throws Exception {
    Path f = dir.resolve("mesh.yaml");
    Files.write(f, new byte[] {'a', ':', ' ', '1', '\n', 'b', ':', ' ', (byte) 0xC3, '(', '\n'});
    FileText.Unreadable u = assertInstanceOf(FileText.Unreadable.class, FileText.read(f, "mesh.yaml", 1000));
    assertEquals("file mesh.yaml is not UTF-8 text (byte 9)", u.message());
    assertEquals(Optional.of(2), u.line());
    assertEquals(new FileText.Text("é\n"), FileText.read(Files.write(f, "é\n".getBytes(StandardCharsets.UTF_8)), "mesh.yaml", 1000));
  }

  @Test
  void theLoaderSaysWhatIsWrongWithTheSpecFile() throws Exception {
    Path loop = dir.resolve("loop.yaml");
    Files.createSymbolicLink(loop, loop);
    assertEquals(
        List.of("error: loop.yaml is a symbolic link loop: following its links never reaches a file; point the link at the real file"),
        formatted(SpecLoader.load(loop, LoadOptions.defaults()), dir + "/"));
    Path notUtf8 = Files.write(dir.resolve("latin1.yaml"), "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(
        List.of("latin1.yaml:1:1: error: file latin1.yaml is not UTF-8 text (byte 10); save it as UTF-8"),
        formatted(SpecLoader.load(notUtf8, LoadOptions.defaults()), dir + "/"));
  }

  @Test
  void aLicenseBehindALinkLoopIsNamed() throws Exception {
    Files.createSymbolicLink(dir.resolve("license.txt"), dir.resolve("license.txt"));
    String spec =
        "apiVersion: meshctl/v1\nkind: Mesh\nmetadata: {name: m}\ndefaults: {api: {password: pw-value-1}}\n"
            + "license: {file: ./license.txt, parameters: {default: true}}\nkeyset: {token: kt-value-1}\nroot: a\n"
            + "controllers:\n  - {name: a, endpoint: 10.0.1.10, private_ip: 10.0.1.10, subnet: 10.0.1.0/24}\n"
            + "peering: {mode: full_mesh}\n";
    LoadResult r = SpecLoader.loadString(spec, "mesh.yaml", dir, new LoadOptions(Map.of(), Optional.empty()));
    assertTrue(
        r.diagnostics().stream().map(Diagnostic::format).anyMatch(d -> d.contains(
            "error: license: license.txt is a symbolic link loop: following its links never reaches a file (license.file); point the link at the real file")),
        r.diagnostics()::toString);
  }

  private static List<String> formatted(LoadResult r, String prefix) {
    return r.diagnostics().stream().map(Diagnostic::format).map(s -> s.replace(prefix, "")).toList();
  }
}
