package dev.meshctl.dsl.ref;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a file the user named (the spec, a file it names, an endpoint map) as UTF-8 text, and
 * says in words why it cannot: a missing file, a link to nowhere, a link loop, a directory,
 * permission denied and text that is not UTF-8 are different problems with different fixes.
 */
public final class FileText {
  private FileText() {}

  /** The outcome of a read. */
  public sealed interface Outcome permits Text, TooLarge, Unreadable {}

  /** The file's text. */
  public record Text(String text) implements Outcome {}

  /** The file is larger than the limit it was read with. */
  public record TooLarge(long size) implements Outcome {}

  /**
   * Why the file cannot be read.
   *
   * @param message what is wrong, naming the file as shown
   * @param line the line of the problem when it has one (the first byte that is not UTF-8)
   * @param hint how to fix it, if there is a usual fix
   */
  public record Unreadable(String message, Optional<Integer> line, Optional<String> hint) implements Outcome {}

  /** Reads {@code file}, shown as {@code shown} in messages, refusing files over {@code maxBytes}. */
  public static Outcome read(Path file, String shown, long maxBytes) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      if (attributes.isDirectory()) {
        return new Unreadable(shown + " is a directory, not a file", Optional.empty(), Optional.of("name the file inside it"));
      }
      if (!attributes.isRegularFile()) {
        // A device or pipe may never end: never read one.
        return new Unreadable(shown + " is not a regular file", Optional.empty(), Optional.empty());
      }
      if (attributes.size() > maxBytes) {
        return new TooLarge(attributes.size());
      }
      return decode(Files.readAllBytes(file), shown);
    } catch (IOException e) {
      return problem(file, shown, e);
    }
  }

  /** What {@code e}, thrown while reading {@code file}, means for the user. */
  public static Unreadable problem(Path file, String shown, IOException e) {
    if (e instanceof NoSuchFileException) {
      if (Files.isSymbolicLink(file)) {
        return new Unreadable(
            shown + " is a symbolic link to " + target(file) + ", which does not exist",
            Optional.empty(),
            Optional.of("point the link at an existing file, or name the file itself"));
      }
      return new Unreadable("file " + shown + " does not exist", Optional.empty(), Optional.empty());
    }
    if (e instanceof AccessDeniedException) {
      return new Unreadable(
          "permission denied: cannot read " + shown,
          Optional.empty(),
          Optional.of("make it readable by the user running meshctl (" + System.getProperty("user.name", "?")
              + "), e.g. chmod u+r, or run meshctl as its owner"));
    }
    if (e instanceof NotDirectoryException) {
      return new Unreadable("cannot read " + shown + ": a part of its path is a file, not a directory", Optional.empty(), Optional.empty());
    }
    String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : String.valueOf(e.getMessage());
    String lower = reason.toLowerCase(Locale.ROOT);
    if (lower.contains("symbolic link")) {
      return new Unreadable(
          shown + " is a symbolic link loop: following its links never reaches a file",
          Optional.empty(),
          Optional.of("point the link at the real file"));
    }
    if (lower.contains("is a directory")) {
      return new Unreadable(shown + " is a directory, not a file", Optional.empty(), Optional.of("name the file inside it"));
    }
    return new Unreadable("cannot read " + shown + ": " + reason, Optional.empty(), Optional.empty());
  }

  /** The bytes as UTF-8, or the line of the first byte that is not. */
  static Outcome decode(byte[] bytes, String shown) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = decoder.decode(in, out, true);
    if (r.isError()) {
      int line = 1;
      for (int i = 0; i < in.position(); i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      return new Unreadable(
          "file " + shown + " is not UTF-8 text (byte " + (in.position() + 1) + ")",
          Optional.of(line),
          Optional.of("save it as UTF-8"));
    }
    decoder.flush(out);
    return new Text(out.flip().toString());
  }

  private static String target(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException | UnsupportedOperationException e) {
      return "a missing file";
    }
  }
}
