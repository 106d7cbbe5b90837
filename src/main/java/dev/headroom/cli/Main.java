package dev.headroom.cli;

import dev.headroom.load.InputException;
import dev.headroom.load.Problem;
import dev.headroom.load.Suggestions;
import dev.headroom.solve.TooLargeException;
import dev.headroom.solve.UnknownIdException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Entry point. {@link #run} does everything and returns the exit code, with output and environment
 * injected, so tests run the real CLI in-process; only {@link #main} exits.
 */
public final class Main {
  private Main() {}

  public static void main(String... args) {
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = run(args, out, err, new Context(System.getenv(), isTerminal(), isErrTerminal()));
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Whether standard output is a terminal. Up to JDK 21 a non-null console means exactly that; from
   * JDK 22 the console is never null and {@code Console.isTerminal()} (looked up reflectively, so
   * Java 17 stays the baseline) answers instead.
   */
  @SuppressWarnings("SystemConsoleNull") // handled: isTerminal() where it exists
  static boolean isTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Whether standard error is a terminal, read from where file descriptor 2 points on Linux
   * ({@code /dev/pts/N}, {@code /dev/ttyN}). Java has no portable way to ask; elsewhere the answer
   * is no, and a long run shows no progress.
   */
  static boolean isErrTerminal() {
    try {
      String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  public static int run(String[] args, PrintWriter out, PrintWriter err, Context context) {
    HeadroomCommand root = new HeadroomCommand();
    root.context(context);
    CommandLine cl;
    try {
      cl = CommandModels.commandLine("headroom", root);
      HeadroomCommand.register(cl, args);
    } catch (IllegalStateException e) {
      // the jar's own model of the commands cannot be read: a broken jar, not the user's input
      err.println("error: internal error: " + Problem.at("", e.getMessage()).format());
      err.flush();
      return ExitCode.INTERNAL;
    }
    cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, new Callbacks(root, err, true));
    cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING, new Callbacks(root, err, false));
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setUsageHelpAutoWidth(false);
    Callbacks callbacks = new Callbacks(root, err, false);
    cl.setParameterExceptionHandler(callbacks);
    cl.setExecutionExceptionHandler(callbacks);
    cl.setExitCodeExceptionMapper(callbacks);
    try {
      return cl.execute(args);
    } catch (StackOverflowError | OutOfMemoryError e) {
      err.println("error: internal error: " + e.getClass().getSimpleName() + (root.stacktrace ? "" : " (run with --stacktrace for details)"));
      if (root.stacktrace) {
        e.printStackTrace(err);
      }
      err.flush();
      return ExitCode.INTERNAL;
    } finally {
      out.flush();
      err.flush();
    }
  }

  /**
   * picocli's callbacks, as a class rather than lambdas: picocli is compiled for Java 5, and a
   * lambda of one of its interfaces keeps that interface, and every class of picocli implementing
   * it (the help sections), out of the class-data-sharing archive (docs/performance.md).
   */
  private static final class Callbacks
      implements CommandLine.IHelpSectionRenderer, CommandLine.IParameterExceptionHandler,
          CommandLine.IExecutionExceptionHandler, CommandLine.IExitCodeExceptionMapper {
    private final HeadroomCommand root;
    private final PrintWriter err;
    /** As a help section: the grouped list of commands, or (false) nothing, for its heading. */
    private final boolean commandList;

    Callbacks(HeadroomCommand root, PrintWriter err, boolean commandList) {
      this.root = root;
      this.err = err;
      this.commandList = commandList;
    }

    @Override
    public String render(CommandLine.Help help) {
      return commandList ? HeadroomCommand.groupedCommands(help) : "";
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
      return usageError(ex, err);
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
      return failure(ex, root, err);
    }

    @Override
    public int getExitCode(Throwable t) {
      return ExitCode.INTERNAL;
    }
  }

  private static int usageError(ParameterException ex, PrintWriter err) {
    String msg = ex.getMessage() == null ? "invalid arguments" : ex.getMessage();
    StringBuilder sb = new StringBuilder("error: ").append(Problem.at("", msg).format());
    if (ex instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
      sb.append("; did you mean ").append(String.join(" or ", u.getSuggestions().stream().map(s -> "'" + s + "'").toList())).append('?');
    }
    err.println(sb);
    String name = ex.getCommandLine().getCommandSpec().qualifiedName();
    err.println("Run '" + name + " --help' for usage.");
    err.flush();
    return ExitCode.INPUT;
  }

  private static int failure(Exception ex, HeadroomCommand root, PrintWriter err) {
    if (ex instanceof InputException ie) {
      for (Problem p : ie.problems()) {
        err.println("error: " + p.format());
      }
      trace(ex, root, err);
      return ExitCode.INPUT;
    }
    if (ex instanceof UnknownIdException u) {
      String id = Problem.at("", u.id()).reason();
      err.println("error: unknown " + u.what() + " '" + id + "' in " + u.where()
          + (u.known().isEmpty() ? ", which has none" : Suggestions.didYouMean(u.id(), u.known())));
      trace(ex, root, err);
      return ExitCode.INPUT;
    }
    if (ex instanceof TooLargeException) {
      err.println("error: " + Problem.at("", ex.getMessage()).format());
      trace(ex, root, err);
      return ExitCode.INPUT;
    }
    if (ex instanceof HeadroomCommand.UsageError) {
      err.println("error: " + Problem.at("", ex.getMessage()).format());
      trace(ex, root, err);
      return ExitCode.INPUT;
    }
    err.println("error: internal error: " + Problem.at("", String.valueOf(ex)).format()
        + (root.stacktrace ? "" : " (run with --stacktrace for details)"));
    trace(ex, root, err);
    return ExitCode.INTERNAL;
  }

  private static void trace(Exception ex, HeadroomCommand root, PrintWriter err) {
    if (root.stacktrace) {
      StringWriter sw = new StringWriter();
      ex.printStackTrace(new PrintWriter(sw));
      err.print(sw);
    }
    err.flush();
  }
}
