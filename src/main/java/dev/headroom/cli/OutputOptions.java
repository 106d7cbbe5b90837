package dev.headroom.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collection;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code -o/--output} and {@code --force}, shared by every command that prints a result. */
@Command(addMethodSubcommands = false) // a mixin: nothing for picocli to scan for (docs/performance.md)
public final class OutputOptions {

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write to FILE (atomically) instead of standard output ('-' is standard output); never over an input file.")
  Path output;

  @Option(names = "--force", description = "Allow -o to replace an existing file.")
  boolean force;

  /** Whether the result goes to standard output (and so may be coloured). */
  boolean toStdout() {
    return output == null || output.toString().equals("-");
  }

  /**
   * Renders to standard output or, with {@code -o}, to a temporary file renamed over the target
   * when complete: a failure half-way never leaves half a report.
   */
  void emit(CommandSpec spec, Collection<Path> inputs, Consumer<PrintWriter> renderer) {
    Output.emit(renderer, output, force, inputs, spec.commandLine().getOut());
  }

  /** A second file written beside the output (a report's chart), with the same rules and {@code --force}. */
  void emitTo(CommandSpec spec, Path target, Collection<Path> inputs, Consumer<PrintWriter> renderer) {
    Output.emit(renderer, target, force, inputs, spec.commandLine().getOut());
  }
}
