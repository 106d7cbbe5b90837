package dev.headroom.cli;

import dev.headroom.load.Suggestions;
import dev.headroom.model.Bytes;
import dev.headroom.model.QuantityException;
import dev.headroom.model.Units;
import dev.headroom.render.Style;
import dev.headroom.render.TuneJson;
import dev.headroom.render.TuneText;
import dev.headroom.runtime.RuntimeModel;
import dev.headroom.runtime.Runtimes;
import dev.headroom.runtime.TooSmall;
import dev.headroom.runtime.Tuning;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code headroom tune}: settings for a runtime that fit a container limit, and the footprint they give. */
@Command(
    name = "tune",
    addMethodSubcommands = false,
    description = {
      "Settings for a runtime that fit a container limit, and the footprint they give.",
      "The reverse of the runtime models 'check' uses (docs/models.md): in the manner of",
      "pgtune and the Cloud Foundry JVM memory calculator, settings whose footprint's high",
      "end fits the limit. --set keeps a setting as given and fits the others around it.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  headroom tune postgres --limit 80MiB --connections 10",
      "  headroom tune jvm --limit 512MiB --threads 100",
      "  headroom tune redis --limit 256MiB --set save=\"\"",
      "  headroom tune node --limit 1GiB --format json",
      "",
      "Exit codes: 0 the settings fit; 1 settings kept with --set do not fit; 2 usage or",
      "input error, or a limit too small for any sane settings (the message gives the",
      "minimum); 3 internal error."
    })
public final class TuneCommand extends Subcommand {

  @Parameters(index = "0", paramLabel = "RUNTIME", description = "postgres, jvm, node, redis or dotnet.")
  String runtime;

  @Option(names = "--limit", required = true, paramLabel = "SIZE",
      description = "The container's memory limit, such as 80MiB or 2GiB.")
  String limit;

  @Option(names = "--connections", paramLabel = "N", description = "postgres: max_connections to serve (default: 100).")
  Long connections;

  @Option(names = "--threads", paramLabel = "N", description = "jvm: threads to size the stacks for (default: 250).")
  Long threads;

  @Option(names = "--set", paramLabel = "NAME=VALUE", mapFallbackValue = "",
      description = "Keep a setting as given, written as the runtime reads it (repeatable): "
          + "--set shared_buffers=64MB, --set Xss=512k.")
  Map<String, String> pinned = new LinkedHashMap<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Output format: text, json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Mixin OutputOptions output = new OutputOptions();

  @Override
  public Integer call() {
    RuntimeModel model = Runtimes.byId(runtime).orElseThrow(() -> new HeadroomCommand.UsageError(
        "unknown runtime '" + runtime + "'" + Suggestions.didYouMean(runtime, Runtimes.ids()) + " (headroom tunes "
            + String.join(", ", Runtimes.ids()) + ")"));
    if (format == Format.MARKDOWN) {
      throw new HeadroomCommand.UsageError("tune writes text or json, not markdown");
    }
    Bytes bytes;
    try {
      bytes = Units.parseCatalogBytes(limit);
    } catch (QuantityException e) {
      throw new HeadroomCommand.UsageError("--limit: " + e.getMessage());
    }
    if (bytes.isZero()) {
      throw new HeadroomCommand.UsageError("--limit must be above zero");
    }
    only("--connections", connections, "postgres", model, 1, 262_143);
    only("--threads", threads, "jvm", model, 1, 999_999);
    if (connections != null && pinned.containsKey("max_connections") || threads != null && pinned.containsKey("threads")) {
      throw new HeadroomCommand.UsageError("give " + (connections != null ? "--connections or --set max_connections"
          : "--threads or --set threads") + ", not both");
    }
    for (Map.Entry<String, String> e : pinned.entrySet()) {
      String reason = model.problem(e.getKey(), e.getValue());
      if (reason != null) {
        throw new HeadroomCommand.UsageError("--set " + e.getKey() + "=" + e.getValue() + ": " + reason
            + (model.settings().containsKey(e.getKey()) ? ""
                : Suggestions.didYouMean(e.getKey(), model.settings().keySet()) + " (it reads "
                    + String.join(", ", model.settings().keySet()) + ")"));
      }
    }
    Tuning tuning;
    try {
      tuning = model.tune(bytes, new RuntimeModel.Demand(connections, threads), pinned);
    } catch (TooSmall e) {
      throw new HeadroomCommand.UsageError(e.getMessage());
    } catch (ArithmeticException e) {
      throw new HeadroomCommand.UsageError("these settings add up to more than 8 EiB (2^63-1 bytes)");
    } catch (IllegalArgumentException e) {
      throw new HeadroomCommand.UsageError(e.getMessage());
    }
    Style style = new Style(root.color() && output.toStdout());
    output.emit(spec, List.of(), w -> {
      if (format == Format.JSON) {
        TuneJson.render(model, bytes, tuning, w);
      } else {
        TuneText.render(model, bytes, tuning, style, w);
      }
    });
    return tuning.fits() ? ExitCode.OK : ExitCode.VERDICT;
  }

  private static void only(String option, Long value, String runtime, RuntimeModel model, long min, long max) {
    if (value == null) {
      return;
    }
    if (!model.id().equals(runtime)) {
      throw new HeadroomCommand.UsageError(option + " is for " + runtime + " only");
    }
    if (value < min || value > max) {
      throw new HeadroomCommand.UsageError(option + " must be from " + min + " to " + max);
    }
  }
}
