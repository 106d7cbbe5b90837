package dev.headroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A run builds picocli's model of the command it runs only; help and mistakes still see them all. */
class SubcommandsTest {

  private static Set<String> registered(String... args) {
    CommandLine cl = new CommandLine(new HeadroomCommand());
    HeadroomCommand.register(cl, args);
    return cl.getSubcommands().keySet();
  }

  @Test
  void aCommandRegistersItselfOnly() {
    assertThat(registered("plan", "--host", "pi-zero-2w")).containsExactly("plan");
    assertThat(registered("check", "-f", "compose.yaml")).containsExactly("check");
  }

  @Test
  void theValueOfARootOptionIsNotTakenForACommand() {
    assertThat(registered("--catalog", "plan", "validate")).containsExactly("validate");
    assertThat(registered("--max-file-size", "1MiB", "--no-color", "hosts")).containsExactly("hosts");
    assertThat(registered("--catalog=plan", "stacks")).containsExactly("stacks");
  }

  @Test
  void helpAndMistakesSeeEveryCommand() {
    List<String> all = HeadroomCommand.SUBCOMMANDS;
    assertThat(registered()).containsExactlyElementsOf(all);
    assertThat(registered("--help")).containsExactlyElementsOf(all);
    assertThat(registered("plna")).containsExactlyElementsOf(all);
    assertThat(registered("--version", "--help")).containsExactlyElementsOf(all);
  }

  @Test
  void versionNeedsNone() {
    assertThat(registered("--version")).isEmpty();
    assertThat(registered("-V")).isEmpty();
  }

  @Test
  void theCommandsAreTheDocumentedOnesInTheirOrder() {
    assertThat(HeadroomCommand.SUBCOMMANDS)
        .containsExactly("plan", "matrix", "report", "advise", "tune", "check", "hosts", "stacks", "services", "validate", "completion");
    // each name is the one its class declares
    for (String name : HeadroomCommand.SUBCOMMANDS) {
      assertThat(HeadroomCommand.create(name).getClass().getAnnotation(CommandLine.Command.class).name()).isEqualTo(name);
    }
  }

  @Test
  void helpListsEveryCommandInExactlyOneGroup() {
    List<String> grouped = HeadroomCommand.GROUPS.values().stream().flatMap(List::stream).toList();
    assertThat(grouped).containsExactlyInAnyOrderElementsOf(HeadroomCommand.SUBCOMMANDS);
    Cli.Result help = Cli.run("--help");
    assertThat(help.out()).contains("Plan a stack on hosts:\n  plan ", "The catalog:\n  hosts ", "The shell:\n  completion ");
    assertThat(help.out().lines()).allMatch(l -> l.length() <= 80);
  }
}
