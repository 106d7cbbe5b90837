package dev.headroom.cli;

import picocli.CommandLine.Command;

@Command(name = "validate", mixinStandardHelpOptions = true)
public final class ValidateCommand implements Runnable {
  @Override
  public void run() {}
}
