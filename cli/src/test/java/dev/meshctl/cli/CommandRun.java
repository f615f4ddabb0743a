package dev.meshctl.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of meshctl: exit code and what it printed. */
record CommandRun(int code, String out, String err) {
  static CommandRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new CommandRun(code, out.toString(), err.toString());
  }

  @Override
  public String toString() {
    return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
  }
}
