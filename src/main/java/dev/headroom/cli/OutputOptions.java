package dev.headroom.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Collection;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code -o/--output} and {@code --force}, shared by every command that prints a result. */
public final class OutputOptions {

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write to FILE (atomically) instead of standard output; never over an input file.")
  Path output;

  @Option(names = "--force", description = "Allow -o to replace an existing file.")
  boolean force;

  /** Whether the result goes to standard output (and so may be coloured). */
  boolean toStdout() {
    return output == null;
  }

  /**
   * Renders into memory, then writes the result to standard output or, with {@code -o}, atomically
   * to the file: a failure half-way never leaves half a report.
   */
  void emit(CommandSpec spec, Collection<Path> inputs, Consumer<PrintWriter> renderer) {
    StringWriter buf = new StringWriter();
    PrintWriter w = new PrintWriter(buf);
    renderer.accept(w);
    w.flush();
    Output.emit(buf.toString(), output, force, inputs, spec.commandLine().getOut());
  }
}
