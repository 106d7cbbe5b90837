package dev.headroom.cli;

import picocli.CommandLine.Command;

@Command(name = "matrix", mixinStandardHelpOptions = true)
public final class MatrixCommand implements Runnable {
  @Override
  public void run() {}
}
