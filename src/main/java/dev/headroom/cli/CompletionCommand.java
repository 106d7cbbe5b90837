package dev.headroom.cli;

import java.io.PrintWriter;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code headroom completion bash|zsh}: the shell completion script, from picocli's generator, for
 * every command and option, the values of enumerated options, and the built-in host and stack ids.
 */
@Command(
    name = "completion",
    addMethodSubcommands = false,
    description = {
      "Print the shell completion script for bash or zsh.",
      "",
      "Load it in the running shell with source <(headroom completion bash) (or zsh), or save it",
      "where the shell looks for completions. It completes commands, options, the values of",
      "enumerated options, and the built-in host and stack ids."
    })
final class CompletionCommand extends Subcommand {

  enum Shell {
    bash,
    zsh
  }

  @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
  Shell shell;

  @Override
  public Integer call() {
    // the script covers every command, not only this run's
    CommandLine all = CommandModels.commandLine("headroom", new HeadroomCommand());
    HeadroomCommand.register(all, new String[0]);
    PrintWriter out = spec.commandLine().getOut();
    if (shell == Shell.zsh) {
      // picocli's script is bash; zsh runs it through its bash completion layer
      out.println("autoload -U +X compinit && compinit");
      out.println("autoload -U +X bashcompinit && bashcompinit");
    }
    out.print(AutoComplete.bash("headroom", all));
    out.flush();
    return ExitCode.OK;
  }
}
