package dev.headroom.cli;

import picocli.CommandLine.Command;

@Command(name = "stacks", mixinStandardHelpOptions = true)
public final class StacksCommand implements Runnable {
  @Override
  public void run() {}
}
