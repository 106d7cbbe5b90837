package dev.headroom.cli;

import dev.headroom.load.CatalogLoader;
import dev.headroom.load.InputException;
import dev.headroom.load.Problem;
import dev.headroom.render.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code headroom validate [PATH...]}: loads the built-in catalog, the configured catalogs and the
 * given files or directories on top, and reports every problem, one line each.
 */
@Command(
    name = "validate",
    addMethodSubcommands = false,
    description = {
      "Validate catalog files and report every problem.",
      "One line per problem (file:line:col: key: reason); references are checked against the built-in",
      "catalog too.",
      ""
    },
    footer = {"", "Exit codes: 0 valid, 2 at least one problem."})
public final class ValidateCommand extends Subcommand {

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Catalog files or directories (default: the built-in catalog and --catalog/HEADROOM_CATALOG).")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Output format: text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Mixin OutputOptions output = new OutputOptions();

  public record ProblemOut(String file, Integer line, Integer column, String path, String message) {}

  public record Out(String schema, boolean valid, int files, int hosts, int services, int stacks, List<ProblemOut> problems) {}

  @Override
  public Integer call() {
    if (format == Format.MARKDOWN) {
      throw new HeadroomCommand.UsageError("validate prints text or json, not markdown");
    }
    List<Path> all = new ArrayList<>(root.catalogPaths());
    all.addAll(paths);
    CatalogLoader loader = new CatalogLoader(root.yaml());
    CatalogLoader.Result r;
    try {
      r = loader.load(all);
    } catch (InputException e) {
      if (format != Format.JSON) {
        throw e;
      }
      List<ProblemOut> problems = new ArrayList<>();
      for (Problem p : e.problems()) {
        problems.add(new ProblemOut(p.file(), p.line() > 0 ? p.line() : null, p.column() > 0 ? p.column() : null,
            p.path().isEmpty() ? null : p.path(), p.reason()));
      }
      // never over a file it read, the ones inside a directory included
      output.emit(spec, loader.filesRead(), out -> Json.write(new Out("headroom.validate/v1", false, 0, 0, 0, 0, problems), out));
      PrintWriter err = spec.commandLine().getErr();
      err.println("error: " + e.problems().size() + " problem" + (e.problems().size() == 1 ? "" : "s") + " found");
      err.flush();
      return ExitCode.INPUT;
    }
    output.emit(spec, r.files(), out -> {
      if (format == Format.JSON) {
        Json.write(new Out("headroom.validate/v1", true, r.fileCount(), r.catalog().hosts().size(),
            r.catalog().services().size(), r.catalog().stacks().size(), List.of()), out);
      } else {
        out.println("ok: " + r.fileCount() + " files (" + r.catalog().hosts().size() + " hosts, "
            + r.catalog().services().size() + " services, " + r.catalog().stacks().size() + " stacks)");
      }
    });
    return ExitCode.OK;
  }
}
