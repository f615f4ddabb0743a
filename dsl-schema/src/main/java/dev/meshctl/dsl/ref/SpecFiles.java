package dev.meshctl.dsl.ref;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Files a spec names (Terraform outputs, {@code ${file:...}}, the license, a CA file), resolved
 * against the spec's directory and shown to users relative to the spec's name as they typed it.
 *
 * @param baseDir the directory of the spec, where relative paths are read from
 * @param specName the spec's file name as shown in diagnostics, e.g. {@code examples/x/mesh.yaml}
 */
public record SpecFiles(Path baseDir, String specName) {
  /** The largest file a spec may read a value from. */
  public static final int MAX_BYTES = 1 << 20;

  /** The outcome of reading a file: its text, or why it could not be read. */
  public record Read(String text, String problem) {
    public boolean ok() {
      return problem == null;
    }
  }

  /** Where {@code relative} is read from. */
  public Path resolve(String relative) {
    return baseDir.resolve(relative).normalize();
  }

  /** How {@code relative} is shown in messages: next to the spec, as the user named it. */
  public String display(String relative) {
    try {
      Path parent = Path.of(specName).getParent();
      Path shown = parent == null ? Path.of(relative) : parent.resolve(relative);
      return shown.normalize().toString();
    } catch (InvalidPathException e) {
      return relative;
    }
  }

  /** Reads {@code relative} as UTF-8 text, refusing missing, unreadable and oversized files. */
  public Read read(String relative) {
    try {
      Path p = resolve(relative);
      if (!Files.isRegularFile(p)) {
        return new Read(null, "file " + display(relative) + " does not exist");
      }
      long size = Files.size(p);
      if (size > MAX_BYTES) {
        return new Read(
            null, "file " + display(relative) + " is too large (" + size + " bytes; limit " + MAX_BYTES + ")");
      }
      return new Read(Files.readString(p, StandardCharsets.UTF_8), null);
    } catch (InvalidPathException e) {
      return new Read(null, "'" + relative + "' is not a valid file path");
    } catch (IOException e) {
      return new Read(null, "cannot read " + display(relative) + ": " + e.getClass().getSimpleName());
    }
  }

  /** Whether {@code relative} names an existing regular file. */
  public boolean exists(String relative) {
    try {
      return Files.isRegularFile(resolve(relative));
    } catch (InvalidPathException e) {
      return false;
    }
  }
}
