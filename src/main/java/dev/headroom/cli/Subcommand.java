package dev.headroom.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What every subcommand has: the root command, with the global options and the catalog, and its
 * own picocli spec. {@link HeadroomCommand#register} sets both, not picocli's {@code @ParentCommand}
 * and {@code @Spec}: every annotation type picocli reads costs the JVM a generated proxy class at
 * startup, some milliseconds each on a cold JVM (docs/performance.md).
 */
abstract class Subcommand implements Callable<Integer> {

  HeadroomCommand root;

  CommandSpec spec;
}
