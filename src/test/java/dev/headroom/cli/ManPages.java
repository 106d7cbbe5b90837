package dev.headroom.cli;

import java.io.File;
import java.io.IOException;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes the AsciiDoc sources of headroom's man pages (one for {@code headroom}, one for each
 * command) with picocli's generator, from the same model the command line is built from. The
 * build runs it before packaging, and Asciidoctor turns the pages into {@code docs/man/*.1}.
 */
final class ManPages {
  private ManPages() {}

  public static void main(String... args) throws IOException {
    CommandLine cl = new CommandLine(new HeadroomCommand());
    HeadroomCommand.register(cl, new String[0]);
    File out = new File(args.length > 0 ? args[0] : "target/man");
    if (!out.isDirectory() && !out.mkdirs()) {
      throw new IOException("cannot create " + out);
    }
    int code = ManPageGenerator.generateManPage(out, null, new boolean[0], true, cl.getCommandSpec());
    if (code != 0) {
      throw new IOException("the man page generator exited with " + code);
    }
  }
}
