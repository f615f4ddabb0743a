package dev.meshctl.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release tarball as a user meets it: unpacked into an empty folder, its {@code bin/} first
 * on a PATH that has no Java and no Maven, with nothing from the build around it.
 */
class TarballIT {
  private static final Path TARBALL = Path.of(System.getProperty("dist.tarball", "target/missing.tar.gz"));

  @TempDir static Path root;
  private static Path install;
  private static Path tools;

  @BeforeAll
  static void unpack() throws Exception {
    assertTrue(Files.isRegularFile(TARBALL), "the build made no tarball at " + TARBALL);
    install = Files.createDirectory(root.resolve("opt"));
    Process tar = new ProcessBuilder("tar", "-xzf", TARBALL.toString(), "-C", install.toString(), "--strip-components=1")
        .inheritIO()
        .start();
    assertEquals(0, tar.waitFor());
    // What a minimal system has besides the tarball: a shell and two file utilities.
    tools = Files.createDirectory(root.resolve("tools"));
    for (String tool : List.of("sh", "dirname", "readlink", "tar")) {
      Path real = Stream.of("/bin", "/usr/bin").map(d -> Path.of(d, tool)).filter(Files::isExecutable).findFirst().orElseThrow();
      Files.createSymbolicLink(tools.resolve(tool), real.toRealPath());
    }
  }

  @Test
  void thePathHasNeitherJavaNorMaven() throws Exception {
    Run java = run(root, List.of("sh", "-c", "command -v java || command -v mvn || echo none"), Map.of());
    assertEquals("none", java.out.strip());
  }

  @Test
  void versionPrintsOnlyTheVersion() throws Exception {
    Run version = run(root, List.of("meshctl", "--version"), Map.of());
    assertEquals(0, version.exit, version.err);
    assertTrue(version.out.matches("meshctl \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R"), "stdout: " + version.out);
    assertEquals("", version.err, "the JVM printed on stderr");
  }

  @Test
  void aRuntimeWithAotCachesStartsFromTheOneBuilt() throws Exception {
    String release = Files.readString(install.resolve("runtime/release"));
    int feature = Integer.parseInt(release.replaceAll("(?s).*JAVA_VERSION=\"(\\d+).*", "$1"));
    Path cache = install.resolve("lib/app/meshctl.aot");
    assertEquals(feature >= 24, Files.isRegularFile(cache), "runtime " + feature + ", AOT cache " + cache);
    if (feature >= 24) {
      // AOTMode=on makes a cache the JVM cannot map (a changed jar, other flags) fatal instead of skipped.
      Run strict = run(root, List.of("meshctl", "--version"), Map.of("MESHCTL_JAVA_OPTS", "-XX:AOTMode=on"));
      assertEquals(0, strict.exit, "the AOT cache was not usable where the tarball was unpacked: " + strict.err);
    }
  }

  @Test
  void validateChecksTheBundledExampleAndPointsAtErrors() throws Exception {
    Path work = Files.createDirectories(root.resolve("validate"));
    Path example = install.resolve("share/doc/meshctl/examples/local");
    for (String f : List.of("mesh.yaml", "license.txt")) {
      Files.copy(example.resolve(f), work.resolve(f));
    }
    Map<String, String> secrets = Map.of("MESHCTL_SIM_PASSWORD", "pw-Tq3", "MESHCTL_KEYSET_TOKEN", "tok-Zr8");
    Run valid = run(work, List.of("meshctl", "validate", "mesh.yaml"), secrets);
    assertEquals(0, valid.exit, valid.err);
    assertTrue(valid.out.startsWith("mesh.yaml: valid"), valid.out);

    Files.writeString(work.resolve("bad.yaml"), Files.readString(work.resolve("mesh.yaml")).replace("apiVersion: meshctl/v1", "apiVersion: meshctl/v9"));
    Run invalid = run(work, List.of("meshctl", "validate", "bad.yaml"), secrets);
    assertFalse(invalid.exit == 0);
    List<String> lines = Files.readAllLines(work.resolve("bad.yaml"));
    int line = lines.indexOf("apiVersion: meshctl/v9") + 1;
    assertTrue(invalid.err.contains("bad.yaml:" + line + ":13: error:"), invalid.err);
    assertFalse(invalid.err.contains("Exception"), invalid.err);
  }

  @Test
  void demoRunsFromAnEmptyFolder() throws Exception {
    Path empty = Files.createDirectories(root.resolve("empty"));
    Run demo = run(empty, List.of("meshctl", "demo", "--no-color"), Map.of());
    assertEquals(0, demo.exit, demo.out + demo.err);
    assertTrue(demo.out.contains("every controller learned the others' subnets"), demo.out);
    assertTrue(demo.out.contains("The whole tutorial took"), demo.out);
  }

  @Test
  void theTarballCarriesManPagesCompletionsAndNotices() throws IOException {
    assertTrue(Files.isRegularFile(install.resolve("share/man/man1/meshctl.1.gz")));
    assertTrue(Files.isRegularFile(install.resolve("share/man/man1/meshctl-apply.1.gz")));
    assertTrue(Files.readString(install.resolve("share/bash-completion/completions/meshctl")).contains("complete"));
    assertTrue(Files.readString(install.resolve("share/zsh/site-functions/_meshctl")).contains("compdef"));
    String notices = Files.readString(install.resolve("share/doc/meshctl/THIRD-PARTY.txt"));
    assertTrue(notices.contains("vertx-core") && notices.contains("Apache"), notices);
    assertTrue(Files.isExecutable(install.resolve("runtime/bin/java")));
  }

  @Test
  void sha256sumsNamesTheTarball() throws IOException, NoSuchAlgorithmException {
    String sums = Files.readString(TARBALL.resolveSibling("SHA256SUMS"));
    String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(TARBALL)));
    assertTrue(sums.contains(digest + "  " + TARBALL.getFileName()), sums);
  }

  private record Run(int exit, String out, String err) {}

  private static Run run(Path dir, List<String> command, Map<String, String> env) throws Exception {
    Path out = Files.createTempFile(root, "out", ".txt");
    Path err = Files.createTempFile(root, "err", ".txt");
    ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile());
    pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    Map<String, String> e = pb.environment();
    e.clear();
    e.put("PATH", install.resolve("bin") + ":" + tools);
    e.put("HOME", root.toString());
    e.put("LANG", "C.UTF-8");
    e.putAll(env);
    // A bare name is looked up on the child's PATH only by a shell; resolve it the same way here.
    String exe = command.get(0);
    Path onPath = install.resolve("bin").resolve(exe);
    if (Files.isExecutable(onPath)) {
      pb.command().set(0, onPath.toString());
    } else if (Files.isExecutable(tools.resolve(exe))) {
      pb.command().set(0, tools.resolve(exe).toString());
    }
    Process p = pb.start();
    if (!p.waitFor(3, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError(command + " did not end within 3 minutes");
    }
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }
}
