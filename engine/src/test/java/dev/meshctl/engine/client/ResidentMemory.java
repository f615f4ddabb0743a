package dev.meshctl.engine.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The test process's resident memory (RSS) as Linux reports it: what the operating system gave the
 * whole JVM, heap, Netty's direct buffers and all. The hostile-controller report that started this
 * measured RSS (535 MB growing to 5.4 GB on an endless body), which heap figures alone would miss
 * for memory outside the heap.
 */
final class ResidentMemory {
  private static final Path STATUS = Path.of("/proc/self/status");
  private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

  private ResidentMemory() {}

  /**
   * Resets the peak to the current RSS ({@code echo 5 > /proc/self/clear_refs}, Linux 4.0 and
   * later) and answers the current RSS in bytes; empty where the system reports neither.
   */
  static OptionalLong resetPeak() {
    try {
      Files.writeString(CLEAR_REFS, "5");
      return field("VmRSS:");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return OptionalLong.empty();
    }
  }

  /** The peak RSS in bytes since the last {@link #resetPeak}; empty where it is not reported. */
  static OptionalLong peak() {
    return field("VmHWM:");
  }

  private static OptionalLong field(String name) {
    try {
      for (String line : Files.readAllLines(STATUS, StandardCharsets.US_ASCII)) {
        if (line.startsWith(name)) {
          // "VmHWM:	  123456 kB"
          String kb = line.substring(name.length()).replace("kB", "").trim();
          return OptionalLong.of(Long.parseLong(kb) * 1024);
        }
      }
      return OptionalLong.empty();
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
