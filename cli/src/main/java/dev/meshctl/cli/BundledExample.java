package dev.meshctl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The demo's example mesh ({@code examples/local}), carried in the jar so that an installed
 * meshctl, far from any checkout, can run the demo.
 */
final class BundledExample {
  /** Where the example is in a checkout, the folder the demo is usually run from. */
  static final Path LOCAL_SPEC = Path.of("examples", "local", "mesh.yaml");

  private static final List<String> FILES = List.of("mesh.yaml", "license.txt");

  private BundledExample() {}

  /** Writes the example into a new temporary folder, removed at exit; returns its spec. */
  static Path extract() {
    try {
      Path dir = Files.createTempDirectory("meshctl-demo-");
      dir.toFile().deleteOnExit();
      for (String name : FILES) {
        Path target = dir.resolve(name);
        try (InputStream in = BundledExample.class.getResourceAsStream("demo/" + name)) {
          if (in == null) {
            throw new IllegalStateException("this meshctl was built without its demo example (" + name + ")");
          }
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        target.toFile().deleteOnExit();
      }
      return dir.resolve("mesh.yaml");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo's example into a temporary folder", e);
    }
  }
}
