package dev.headroom.compose;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Docker compose's variable interpolation, as compose-go's {@code template} package does it:
 * {@code $$}, {@code $NAME}, {@code ${NAME}}, and {@code ${NAME}} with one of the operators
 * {@code :- - :? ? :+ +} after the name, with templates nested in defaults, messages and
 * replacements.
 *
 * <p>Compose-go finds each {@code $...} with one regular expression and then takes the braced text
 * apart by counting <code>${</code> and <code>}</code>. This class reproduces what that combination does,
 * including its odd corners (see docs/compose.md), without a regular expression: every step is a
 * scan over the text, so the work is linear in the template's length for each level of nesting.
 *
 * <p>Pure: no I/O, no environment; variables come from the given {@link Lookup}.
 */
public final class Interpolation {
  private Interpolation() {}

  /** Templates nested deeper than this are refused (compose-go has no limit; its stack grows). */
  public static final int MAX_DEPTH = 100;

  /** Templates longer than this many bytes of UTF-8 are refused. */
  public static final int MAX_BYTES = 1 << 20;

  /**
   * Substitutes every variable in {@code template}.
   *
   * @param warnings receives compose's warning for each variable used without an operator and not
   *     set, in the order compose logs them
   * @throws InterpolationException for an invalid template, a required variable without a value, or
   *     a template past {@link #MAX_BYTES} or {@link #MAX_DEPTH}
   */
  public static String substitute(String template, Lookup lookup, List<String> warnings) {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(lookup, "lookup");
    Objects.requireNonNull(warnings, "warnings");
    long bytes = utf8Length(template);
    if (bytes > MAX_BYTES) {
      throw new InterpolationException(
          "template too long: " + bytes + " bytes of UTF-8, the limit is " + MAX_BYTES + " (1 MiB)");
    }
    if (template.indexOf('$') < 0) {
      return template;
    }
    Outcome outcome = new Run(template, lookup, warnings).substitute(0, template.length(), 0);
    if (outcome.error() != null) {
      throw new InterpolationException(outcome.error());
    }
    return outcome.text();
  }

  static long utf8Length(String s) {
    long bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  /** compose-go's names: {@code [_a-z][_a-z0-9]*} without regard to case, as Go folds case. */
  static boolean isNameStart(char c) {
    // Go's case folding also puts U+017F (long s) and U+212A (Kelvin sign) in [a-z]
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\u017f' || c == '\u212a';
  }

  static boolean isNamePart(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9');
  }

  private static boolean isOperator(char c) {
    return c == '-' || c == '+' || c == '?';
  }

  private record Outcome(String text, String error) {}

  private enum Kind { ESCAPED, NAMED, BRACED, INVALID }

  /**
   * One {@code $...}: {@code [start, end)}. For a name, {@code [nameStart, nameEnd)}. For a braced
   * template with an operator, the operator is {@code [nameEnd, nameEnd + opLength)} and its
   * argument runs to {@code argumentEnd}, where the braced text's closing brace stands.
   */
  private record Match(Kind kind, int start, int end, int nameStart, int nameEnd, int opLength, int argumentEnd) {}

  /**
   * One window being substituted: the template, a default, or the rest of a match that compose
   * substitutes on its own. {@code mark} is where a rest's output starts, so that a failed rest can
   * be taken back.
   */
  private static final class Frame {
    final int from;
    final int to;
    final int mark;
    int pos;
    String failure;
    boolean invalid;

    Frame(int from, int to, int mark) {
      this.from = from;
      this.to = to;
      this.mark = mark;
      this.pos = from;
    }

    boolean failed() {
      return invalid || failure != null;
    }

    /** Compose keeps the first error and goes on substituting (and warning) after it. */
    void fail(String message) {
      if (!failed()) {
        failure = message;
      }
    }

    void failInvalid() {
      if (!failed()) {
        invalid = true;
      }
    }
  }

  private static final class Run {
    private final String s;
    private final Lookup lookup;
    private final List<String> warnings;
    /** For each index: the next line feed, the next closing brace (or the length). */
    private final int[] nextNewline;
    private final int[] nextClose;
    /** For each index x: the last p with <code>}}</code> at p and p + 2 ≤ x, or -1. */
    private final int[] lastPairBefore;

    Run(String s, Lookup lookup, List<String> warnings) {
      this.s = s;
      this.lookup = lookup;
      this.warnings = warnings;
      int n = s.length();
      nextNewline = new int[n + 1];
      nextClose = new int[n + 1];
      lastPairBefore = new int[n + 1];
      nextNewline[n] = n;
      nextClose[n] = n;
      for (int i = n - 1; i >= 0; i--) {
        nextNewline[i] = s.charAt(i) == '\n' ? i : nextNewline[i + 1];
        nextClose[i] = s.charAt(i) == '}' ? i : nextClose[i + 1];
      }
      lastPairBefore[0] = -1;
      if (n > 0) {
        lastPairBefore[1] = -1;
      }
      for (int x = 2; x <= n; x++) {
        lastPairBefore[x] = s.charAt(x - 2) == '}' && s.charAt(x - 1) == '}' ? x - 2 : lastPairBefore[x - 1];
      }
    }

    /**
     * compose-go's pattern at a {@code $}, within {@code [.., to)}:
     * <code>\$(?i:(\$)|([_a-z][_a-z0-9]*)|{(?:([_a-z][_a-z0-9]*(?::?[-+?](.*}|[^}]*))?)}|()))</code>.
     * Null where it does not match: the {@code $} is then kept as it is.
     */
    private Match match(int i, int to) {
      int j = i + 1;
      if (j >= to) {
        return null;
      }
      char c = s.charAt(j);
      if (c == '$') {
        return new Match(Kind.ESCAPED, i, j + 1, j, j, 0, j);
      }
      if (isNameStart(c)) {
        int k = nameEnd(j + 1, to);
        return new Match(Kind.NAMED, i, k, j, k, 0, k);
      }
      if (c != '{') {
        return null;
      }
      Match invalid = new Match(Kind.INVALID, i, j + 1, j + 1, j + 1, 0, j + 1);
      int nameStart = j + 1;
      if (nameStart >= to || !isNameStart(s.charAt(nameStart))) {
        return invalid;
      }
      int k = nameEnd(nameStart + 1, to);
      if (k >= to) {
        return invalid;
      }
      char after = s.charAt(k);
      if (after == '}') {
        return new Match(Kind.BRACED, i, k + 1, nameStart, k, 0, k);
      }
      int opLength;
      if (after == ':' && k + 1 < to && isOperator(s.charAt(k + 1))) {
        opLength = 2;
      } else if (isOperator(after)) {
        opLength = 1;
      } else {
        return invalid;
      }
      int argument = k + opLength;
      // `.*}` then `}`: greedy, so up to the last `}}` on the line (`.` stops at a line feed)
      int pair = lastPairBefore[Math.min(nextNewline[argument], to)];
      if (pair >= argument) {
        return new Match(Kind.BRACED, i, pair + 2, nameStart, k, opLength, pair + 1);
      }
      // else `[^}]*` then `}`: up to the first `}`, across lines
      int close = nextClose[argument];
      if (close < to) {
        return new Match(Kind.BRACED, i, close + 1, nameStart, k, opLength, close);
      }
      return invalid;
    }

    private int nameEnd(int from, int to) {
      int k = from;
      while (k < to && isNamePart(s.charAt(k))) {
        k++;
      }
      return k;
    }

    /**
     * compose-go's getFirstBraceClosingIndex: the <code>}</code> that closes the match's first
     * <code>${</code>, counting nested ones; -1 if the count never comes back to zero.
     */
    private int firstClosingBrace(int from, int to) {
      int open = 0;
      for (int t = from; t < to; t++) {
        char c = s.charAt(t);
        if (c == '}') {
          open--;
          if (open == 0) {
            return t;
          }
        }
        if (c == '$' && t + 1 < to && s.charAt(t + 1) == '{') {
          open++;
          t++;
        }
      }
      return -1;
    }

    /** Substitutes {@code [from, to)}; compose-go's SubstituteWith. */
    Outcome substitute(int from, int to, int depth) {
      StringBuilder out = new StringBuilder(to - from);
      Deque<Frame> stack = new ArrayDeque<>();
      Frame root = new Frame(from, to, -1);
      Frame f = root;
      while (true) {
        if (f.pos >= f.to) {
          if (f == root) {
            return new Outcome(out.toString(), error(f));
          }
          if (f.failed()) {
            // compose-go: an error in the rest makes the whole replacement "", and is not reported
            out.setLength(f.mark);
          }
          f = stack.pop();
          continue;
        }
        int dollar = s.indexOf('$', f.pos);
        if (dollar < 0 || dollar >= f.to) {
          out.append(s, f.pos, f.to);
          f.pos = f.to;
          continue;
        }
        out.append(s, f.pos, dollar);
        Match m = match(dollar, f.to);
        if (m == null) {
          out.append('$');
          f.pos = dollar + 1;
          continue;
        }
        f.pos = m.end();
        switch (m.kind()) {
          case ESCAPED -> out.append('$');
          case INVALID -> f.failInvalid();
          case NAMED -> out.append(plain(s.substring(m.nameStart(), m.nameEnd())));
          case BRACED -> {
            if (m.opLength() == 0) {
              out.append(plain(s.substring(m.nameStart(), m.nameEnd())));
            } else {
              Frame rest = braced(m, f, out, depth);
              if (rest != null) {
                stack.push(f);
                f = rest;
              }
            }
          }
        }
      }
    }

    private String error(Frame f) {
      if (f.invalid) {
        return "Invalid template: " + GoText.quote(s.substring(f.from, f.to));
      }
      return f.failure;
    }

    /** A variable without an operator: its value, or "" and compose's warning. */
    private String plain(String name) {
      Optional<String> value = lookup.get(name);
      if (value.isEmpty()) {
        warnings.add("The " + GoText.quote(name) + " variable is not set. Defaulting to a blank string.");
        return "";
      }
      return value.get();
    }

    /**
     * A braced template with an operator. Appends its value to {@code out}, or records an error in
     * {@code f}. Where compose-go cuts the match short (its regular expression reached past the
     * template's own closing brace), returns the frame for the rest, to be substituted on its own.
     */
    private Frame braced(Match m, Frame f, StringBuilder out, int depth) {
      int close = firstClosingBrace(m.start(), m.end());
      int cut = close < 0 ? m.end() : close + 1;
      Match t = cut == m.end() ? m : match(m.start(), cut);
      if (t == null || t.kind() != Kind.BRACED || t.opLength() == 0) {
        f.failInvalid(); // cannot happen: the cut text still starts with the same `${NAME` and operator
        return null;
      }
      // compose-go takes the operator that occurs first in the match: the one right after the name
      String op = s.substring(t.nameEnd(), t.nameEnd() + t.opLength());
      String name = s.substring(t.nameStart(), t.nameEnd());
      int argumentStart = t.nameEnd() + t.opLength();
      if (depth + 1 > MAX_DEPTH) {
        throw new InterpolationException(
            "template nested too deeply: more than " + MAX_DEPTH + " levels of ${...} inside ${...}");
      }
      // compose-go substitutes the default, message or replacement first, whether used or not
      Outcome argument = substitute(argumentStart, t.argumentEnd(), depth + 1);
      if (argument.error() != null) {
        f.fail(argument.error());
        return null;
      }
      Optional<String> found = lookup.get(name);
      boolean set = found.isPresent();
      String value = found.orElse("");
      String result;
      switch (op) {
        case ":-" -> result = !set || value.isEmpty() ? argument.text() : value;
        case "-" -> result = set ? value : argument.text();
        case ":+" -> result = set && !value.isEmpty() ? argument.text() : value;
        case "+" -> result = set ? argument.text() : value;
        case ":?", "?" -> {
          if (!set || (op.equals(":?") && value.isEmpty())) {
            f.fail(missing(name, argument.text()));
            return null;
          }
          result = value;
        }
        default -> throw new IllegalStateException(op);
      }
      if (cut == m.end()) {
        out.append(result);
        return null;
      }
      Frame rest = new Frame(cut, m.end(), out.length());
      out.append(result);
      return rest;
    }

    private static String missing(String name, String reason) {
      String message = "required variable " + name + " is missing a value";
      return reason.isEmpty() ? message : message + ": " + reason;
    }
  }
}
