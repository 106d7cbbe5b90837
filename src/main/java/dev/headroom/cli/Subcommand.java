package dev.headroom.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * What every subcommand has: the root command, with the global options and the catalog, and its
 * own picocli spec. {@link HeadroomCommand#register} sets both, not picocli's {@code @ParentCommand}
 * and {@code @Spec}: every annotation type picocli reads costs the JVM a generated proxy class at
 * startup, some milliseconds each on a cold JVM (docs/performance.md).
 */
abstract class Subcommand implements Callable<Integer> {

  HeadroomCommand root;

  CommandSpec spec;

  // picocli's standard help options, declared here rather than by mixinStandardHelpOptions, which
  // builds a mixin (a model of its own, by reflection) for every command
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print version information and exit.")
  boolean version;
}
