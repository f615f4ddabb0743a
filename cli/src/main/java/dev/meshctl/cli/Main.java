package dev.meshctl.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The {@code meshctl} entry point: only turns {@link #run} into the process exit code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(out, err, args));
  }

  /** Runs meshctl with the given streams; tests call this directly. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    QuietLogging.apply();
    picocli.CommandLine cl = MeshctlCommand.commandLine(out, err, args);
    try {
      return cl.execute(args);
    } finally {
      // An unfinished last line is held by the masking streams until flushed.
      cl.getOut().flush();
      cl.getErr().flush();
    }
  }
}
