package dev.headroom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The commands' model in the jar (CommandModels) is the one picocli reads from the annotations:
 * every option and parameter with every attribute, the same help, and values that land in the
 * same fields.
 */
class CommandModelsTest {

  /** The model each command line of a run is built from: the jar's, as the build wrote it. */
  private static Map<String, byte[]> shipped() throws IOException {
    try (InputStream in = CommandModels.class.getClassLoader().getResourceAsStream(CommandModels.RESOURCE)) {
      assertThat(in).as("the build writes " + CommandModels.RESOURCE + " (pom.xml, command-models)").isNotNull();
      return splitForTest(in.readAllBytes());
    }
  }

  private static Map<String, byte[]> splitForTest(byte[] all) throws IOException {
    // the same bytes as the build step writes now: a stale model fails here
    assertThat(all).isEqualTo(CommandModels.encode(CommandModels.annotated()));
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(all);
    in.getInt();
    int n = in.getInt();
    Map<String, byte[]> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      byte[] name = new byte[in.getInt()];
      in.get(name);
      byte[] model = new byte[in.getInt()];
      in.get(model);
      out.put(new String(name, java.nio.charset.StandardCharsets.UTF_8), model);
    }
    return out;
  }

  @Test
  void theJarHasAModelOfEveryCommand() throws IOException {
    List<String> all = new ArrayList<>(List.of("headroom"));
    all.addAll(HeadroomCommand.SUBCOMMANDS);
    assertThat(shipped().keySet()).containsExactlyElementsOf(all);
  }

  @Test
  void everyOptionAndParameterHasEveryAttributeItHasFromTheAnnotations() throws IOException {
    Map<String, CommandLine> annotated = CommandModels.annotated();
    for (Map.Entry<String, byte[]> m : shipped().entrySet()) {
      CommandSpec expected = annotated.get(m.getKey()).getCommandSpec();
      CommandSpec built = CommandModels.build(m.getValue(), expected.userObject() instanceof HeadroomCommand
          ? new HeadroomCommand() : HeadroomCommand.create(m.getKey()));
      assertThat(built.name()).isEqualTo(expected.name());
      assertThat(built.usageMessage().description()).containsExactly(expected.usageMessage().description());
      assertThat(built.usageMessage().footer()).containsExactly(expected.usageMessage().footer());
      assertThat(built.versionProvider() == null).isEqualTo(expected.versionProvider() == null);
      List<String> want = new ArrayList<>();
      for (ArgSpec a : expected.args()) {
        if (!a.inherited()) {
          want.add(describe(a));
        }
      }
      assertThat(built.args()).extracting(CommandModelsTest::describe).as(m.getKey()).containsExactlyElementsOf(want);
      // each bound to the field its annotation is on
      List<Object> fields = new ArrayList<>();
      for (ArgSpec a : expected.args()) {
        if (!a.inherited()) {
          fields.add(a.userObject());
        }
      }
      assertThat(built.args()).extracting(a -> (Object) ((CommandModels.FieldAccess) a.getter()).field())
          .as(m.getKey()).containsExactlyElementsOf(fields);
    }
  }

  @Test
  void helpIsTheSameFromEitherModel() {
    Map<String, CommandLine> annotated = CommandModels.annotated();
    CommandLine root = CommandModels.commandLine("headroom", new HeadroomCommand());
    HeadroomCommand.register(root, new String[0]);
    assertThat(root.getUsageMessage()).isEqualTo(annotated.get("headroom").getUsageMessage());
    for (String name : HeadroomCommand.SUBCOMMANDS) {
      assertThat(root.getSubcommands().get(name).getUsageMessage()).as(name).isEqualTo(annotated.get(name).getUsageMessage());
    }
  }

  @Test
  void valuesLandInTheCommandsFields() {
    // through a mixin in a mixin (PlanTarget's PlanOptions), a list split on commas, an enum
    CommandLine root = CommandModels.commandLine("headroom", new HeadroomCommand());
    HeadroomCommand.register(root, new String[] {"plan"});
    root.setCaseInsensitiveEnumValuesAllowed(true);
    root.parseArgs("--no-color", "plan", "--host", "pi-4b-4gb", "--agents", "3", "--apply", "a,b", "--basis", "LIMITS",
        "--stack", "agent-hive", "--risk", "--seed", "7", "-o", "out.md", "--catalog", "extra");
    HeadroomCommand h = (HeadroomCommand) root.getCommand();
    PlanCommand plan = (PlanCommand) root.getSubcommands().get("plan").getCommand();
    assertThat(h.noColor).isTrue();
    assertThat(h.catalogs).extracting(Object::toString).containsExactly("extra");
    assertThat(plan.target.host).isEqualTo("pi-4b-4gb");
    assertThat(plan.target.agents).isEqualTo(3);
    assertThat(plan.target.plan.apply).containsExactly("a", "b");
    assertThat(plan.target.plan.basis).isEqualTo(dev.headroom.solve.Basis.LIMITS);
    assertThat(plan.target.plan.stack).isEqualTo("agent-hive");
    assertThat(plan.target.plan.estimate).isEqualTo(dev.headroom.model.Estimate.HIGH); // its default
    assertThat(plan.riskFlags.risk).isTrue();
    assertThat(plan.riskFlags.shape.seed).isEqualTo(7L);
    assertThat(plan.output.output).hasToString("out.md");
    assertThat(plan.format).isEqualTo(Format.TEXT);
  }

  @Test
  void aBrokenModelIsABrokenJarNotAWrongOption() throws IOException {
    byte[] plan = shipped().get("plan");
    assertThatThrownBy(() -> CommandModels.build(java.util.Arrays.copyOf(plan, plan.length - 3), new PlanCommand()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("rebuild headroom");
    assertThatThrownBy(() -> CommandModels.build(java.util.Arrays.copyOf(plan, plan.length + 1), new PlanCommand()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("bytes past the end");
    // a model of another command: its fields are not there
    assertThatThrownBy(() -> CommandModels.build(plan, new HostsCommand()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no field target");
  }

  /** Everything picocli reads from an option's or a parameter's annotation. */
  private static String describe(ArgSpec a) {
    StringBuilder s = new StringBuilder();
    if (a instanceof OptionSpec o) {
      s.append("option ").append(Arrays.toString(o.names())).append(" usageHelp=").append(o.usageHelp())
          .append(" versionHelp=").append(o.versionHelp()).append(" negatable=").append(o.negatable())
          .append(" fallback=").append(o.fallbackValue()).append(" order=").append(o.order());
    } else {
      PositionalParamSpec p = (PositionalParamSpec) a;
      s.append("parameter ").append(p.index());
    }
    s.append(" label=").append(a.paramLabel()).append(" description=").append(Arrays.toString(a.description()))
        .append(" default=").append(a.defaultValue()).append(" required=").append(a.required())
        .append(" split=").append(a.splitRegex()).append(" scope=").append(a.scopeType())
        .append(" arity=").append(a.arity()).append(" type=").append(a.type().getName())
        .append(" aux=").append(Arrays.toString(a.auxiliaryTypes())).append(" hidden=").append(a.hidden())
        .append(" interactive=").append(a.interactive()).append(" mapFallback=").append(a.mapFallbackValue())
        .append(" hideParamSyntax=").append(a.hideParamSyntax()).append(" showDefault=").append(a.showDefaultValue())
        .append(" initial=").append(a.initialValue()).append(" descriptionKey=").append(a.descriptionKey())
        .append(" candidates=").append(a.completionCandidates() == null ? null : String.join(",", a.completionCandidates()))
        .append(" multiValue=").append(a.isMultiValue());
    return s.toString();
  }
}
