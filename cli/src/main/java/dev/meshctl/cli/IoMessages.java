package dev.meshctl.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Optional;

/** Why a file operation failed, in words: an exception's own message is often only the path. */
final class IoMessages {
  private IoMessages() {}

  static String why(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException f) {
      return Optional.ofNullable(f.getReason()).orElse(e.getClass().getSimpleName());
    }
    return Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName());
  }
}
