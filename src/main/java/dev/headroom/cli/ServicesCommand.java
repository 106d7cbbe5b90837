package dev.headroom.cli;

import picocli.CommandLine.Command;

@Command(name = "services", mixinStandardHelpOptions = true)
public final class ServicesCommand implements Runnable {
  @Override
  public void run() {}
}
