package dev.headroom.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;

/** Runs the real CLI in-process and asserts on the result: {@code assertThat(run("plan", ...)).exitedWith(1)}. */
final class Cli {
  private Cli() {}

  /** One run: exit code and everything written to stdout and stderr. */
  record Result(int exit, String out, String err) {}

  static Result run(String... args) {
    return runWith(Map.of(), args);
  }

  static Result runWith(Map<String, String> env, String... args) {
    return runWith(env, false, args);
  }

  static Result runWith(Map<String, String> env, boolean terminal, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Map<String, String> e = new HashMap<>(env);
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), new Context(e, terminal));
    return new Result(code, out.toString(), err.toString());
  }

  static ResultAssert assertThat(Result r) {
    return new ResultAssert(r);
  }

  static final class ResultAssert extends AbstractAssert<ResultAssert, Result> {
    ResultAssert(Result actual) {
      super(actual, ResultAssert.class);
    }

    ResultAssert exitedWith(int code) {
      isNotNull();
      if (actual.exit() != code) {
        failWithMessage("expected exit %d but was %d%nstdout:%n%s%nstderr:%n%s", code, actual.exit(), actual.out(), actual.err());
      }
      return this;
    }

    ResultAssert outContains(String... parts) {
      Assertions.assertThat(actual.out()).as("stdout").contains(parts);
      return this;
    }

    ResultAssert outDoesNotContain(String part) {
      Assertions.assertThat(actual.out()).as("stdout").doesNotContain(part);
      return this;
    }

    ResultAssert errContains(String... parts) {
      Assertions.assertThat(actual.err()).as("stderr").contains(parts);
      return this;
    }

    ResultAssert errIsEmpty() {
      Assertions.assertThat(actual.err()).as("stderr").isEmpty();
      return this;
    }

    ResultAssert outIsEmpty() {
      Assertions.assertThat(actual.out()).as("stdout").isEmpty();
      return this;
    }

    /** No Java stack trace anywhere: the contract without --stacktrace. */
    ResultAssert hasNoStackTrace() {
      Assertions.assertThat(actual.err()).as("stderr").doesNotContain("\tat ").doesNotContain("Exception in thread");
      Assertions.assertThat(actual.out()).as("stdout").doesNotContain("\tat ");
      return this;
    }

    /** Every line of stderr is an {@code error: } line (one line per problem). */
    ResultAssert errLinesAllStartWith(String prefix) {
      for (String line : actual.err().lines().toList()) {
        if (!line.isEmpty() && !line.startsWith("Run '")) {
          Assertions.assertThat(line).as("stderr line").startsWith(prefix);
        }
      }
      return this;
    }
  }
}
