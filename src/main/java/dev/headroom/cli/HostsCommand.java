package dev.headroom.cli;

import picocli.CommandLine.Command;

@Command(name = "hosts", mixinStandardHelpOptions = true)
public final class HostsCommand implements Runnable {
  @Override
  public void run() {}
}
