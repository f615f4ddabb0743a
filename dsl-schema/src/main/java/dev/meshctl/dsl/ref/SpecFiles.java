package dev.meshctl.dsl.ref;

import dev.meshctl.dsl.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

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

  /** The outcome of reading a file: its text, or why it could not be read and how to fix that. */
  public record Read(String text, String problem, Optional<String> hint) {
    public Read(String text, String problem) {
      this(text, problem, Optional.empty());
    }

    public boolean ok() {
      return problem == null;
    }

    /** {@code d} with this read's hint, if it has one. */
    public Diagnostic hinted(Diagnostic d) {
      return hint.map(d::withHint).orElse(d);
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
      String shown = display(relative);
      FileText.Outcome outcome = FileText.read(p, shown, MAX_BYTES);
      if (outcome instanceof FileText.Text t) {
        return new Read(t.text(), null);
      }
      if (outcome instanceof FileText.TooLarge t) {
        return new Read(null, "file " + shown + " is too large (" + t.size() + " bytes; limit " + MAX_BYTES + ")");
      }
      FileText.Unreadable u = (FileText.Unreadable) outcome;
      return new Read(null, u.message(), u.hint());
    } catch (InvalidPathException e) {
      return new Read(null, "'" + relative + "' is not a valid file path");
    }
  }

  /**
   * Whether {@code relative} stays inside the spec's folder once links are followed: a value
   * read from outside it (a system file) is treated as a possible secret.
   */
  public boolean inside(String relative) {
    try {
      Path base = baseDir.toRealPath();
      return resolve(relative).toRealPath().startsWith(base);
    } catch (IOException | InvalidPathException e) {
      return false;
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
