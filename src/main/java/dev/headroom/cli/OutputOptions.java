package dev.headroom.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code -o/--output} and {@code --force}, shared by every command that prints a result. */
public final class OutputOptions {

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write to FILE (atomically) instead of standard output; never over an input file.")
  Path output;

  @Option(names = "--force", description = "Allow -o to replace an existing file.")
  boolean force;
}
