package dev.meshctl.dist;

import dev.meshctl.cli.MeshctlCommand;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes the AsciiDoc of a man page per command (asciidoctor turns it into roff at build time).
 * picocli's generator is given meshctl's whole command tree, which a run otherwise builds only in
 * part.
 */
public final class ManPages {
  private ManPages() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: ManPages OUTPUT_DIR");
      System.exit(2);
    }
    PrintWriter sink = new PrintWriter(new StringWriter());
    var spec = MeshctlCommand.commandLine(sink, sink).getCommandSpec();
    System.exit(ManPageGenerator.generateManPage(new File(args[0]), null, new boolean[0], true, spec));
  }
}
