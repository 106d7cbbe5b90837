package dev.headroom.compose;

import dev.headroom.load.InputException;
import dev.headroom.load.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * A {@code .env} file (or an {@code env_file}) read the way docker compose reads it: compose-go's
 * {@code dotenv} parser. {@code KEY=VALUE} or {@code KEY: VALUE}, an optional {@code export},
 * comments, single quotes (literal), double quotes (escapes, several lines), unquoted values
 * (trimmed, {@code " #"} starts a comment), a bare {@code KEY} taken from the lookup, and variables
 * expanded in unquoted and double-quoted values. docs/compose.md has the details and the errors.
 *
 * <p>Pure: the caller reads and decodes the file and says where variables come from.
 */
public final class DotEnv {
  private DotEnv() {}

  /** As {@link #parse(String, String, Lookup, List)}, without the warnings. */
  @SuppressWarnings("NonApiType") // the type says that the keys come in the file's order
  public static LinkedHashMap<String, String> parse(String fileName, String text, Lookup lookup) {
    return parse(fileName, text, lookup, new ArrayList<>());
  }

  /**
   * The file's keys and values, in the order the keys first appear.
   *
   * @param lookup the environment: a bare {@code KEY} takes its value from here, and a variable in
   *     a value is looked up here first, then among the keys above it in this file
   * @param warnings receives compose's warning for each variable in a value that is used without an
   *     operator and not set
   * @throws InputException naming the file, line and column of the first statement compose refuses
   */
  @SuppressWarnings("NonApiType") // the type says that the keys come in the file's order
  public static LinkedHashMap<String, String> parse(String fileName, String text, Lookup lookup, List<String> warnings) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(lookup, "lookup");
    Objects.requireNonNull(warnings, "warnings");
    String src = text.startsWith("\uFEFF") ? text.substring(1) : text;
    Parser parser = new Parser(fileName, src, lookup, warnings);
    parser.parse();
    return parser.out;
  }

  private static final class Parser {
    private final String file;
    private final String src;
    private final int n;
    private final Lookup lookup;
    private final List<String> warnings;
    private final LinkedHashMap<String, String> out = new LinkedHashMap<>();
    /** compose-go's expandVariables: the environment wins over the keys above in the same file. */
    private final Lookup expansion;

    Parser(String file, String src, Lookup lookup, List<String> warnings) {
      this.file = file;
      this.src = src;
      this.n = src.length();
      this.lookup = lookup;
      this.warnings = warnings;
      this.expansion = lookup.orElse(Lookup.of(out));
    }

    void parse() {
      int pos = 0;
      while (true) {
        pos = statementStart(pos);
        if (pos < 0) {
          return;
        }
        pos = statement(pos);
      }
    }

    /** The first character that is not white space and not in a comment line; -1 at the end. */
    private int statementStart(int pos) {
      int i = pos;
      while (true) {
        while (i < n) {
          int cp = src.codePointAt(i);
          if (!GoText.isSpace(cp)) {
            break;
          }
          i += Character.charCount(cp);
        }
        if (i >= n) {
          return -1;
        }
        if (src.charAt(i) != '#') {
          return i;
        }
        int lineFeed = src.indexOf('\n', i);
        if (lineFeed < 0) {
          return -1;
        }
        i = lineFeed;
      }
    }

    /** One statement from {@code start}; returns where the next one may start. */
    private int statement(int start) {
      int s = start;
      // compose-go: `^export\s+` (where \s includes a line feed), then blanks other than line feeds
      if (src.startsWith("export", s) && s + 6 < n && isRegexSpace(src.charAt(s + 6))) {
        s = skipBlanks(s + 6);
      }
      if (s >= n) {
        throw problem(s, "zero length string");
      }
      String key = null;
      int valueStart = s;
      boolean inherited = false;
      for (int i = s; i < n; ) {
        int cp = src.codePointAt(i);
        if (cp == '=' || cp == ':' || cp == '\n') {
          key = src.substring(s, i);
          valueStart = i + 1;
          inherited = cp == '\n';
          break;
        }
        if (isBlank(cp) || cp == '_' || cp == '.' || cp == '-' || cp == '[' || cp == ']'
            || GoText.isLetter(cp) || GoText.isNumber(cp)) {
          i += Character.charCount(cp);
          continue;
        }
        int lineFeed = src.indexOf('\n', s);
        throw problem(i, "unexpected character " + GoText.quote(new String(Character.toChars(cp)))
            + " in variable name " + GoText.quote(src.substring(s, lineFeed < 0 ? n : lineFeed)));
      }
      if (key == null) {
        // compose-go: a last line with no `=`, `:` or line feed is the value of the key ""
        key = "";
      }
      key = GoText.trimRightSpace(key);
      int space = key.indexOf(' ');
      if (space >= 0) {
        throw problem(s + space, "key cannot contain a space");
      }
      int value = skipBlanks(valueStart);
      if (inherited) {
        String name = key;
        lookup.get(name).ifPresent(v -> out.put(name, v));
        return value;
      }
      if (value < n && (src.charAt(value) == '"' || src.charAt(value) == '\'')) {
        return quoted(key, value);
      }
      return unquoted(key, value);
    }

    /** To the end of the line; from {@code " #"} on is a comment; trailing white space dropped. */
    private int unquoted(String key, int start) {
      int lineFeed = src.indexOf('\n', start);
      String value = src.substring(start, lineFeed < 0 ? n : lineFeed);
      int comment = value.indexOf(" #");
      if (comment >= 0) {
        value = value.substring(0, comment);
      }
      out.put(key, expand(GoText.trimRightSpace(value), start));
      return lineFeed < 0 ? n : lineFeed + 1;
    }

    /**
     * To the next quote that no backslash escapes. A backslash before the quote is dropped; any
     * other backslash stays, for {@link #expandEscapes} in double quotes and as it is in single
     * quotes. Whatever follows the closing quote on the line is read as the next statement.
     */
    private int quoted(String key, int start) {
      char quote = src.charAt(start);
      StringBuilder chars = new StringBuilder();
      boolean escaped = false;
      for (int i = start + 1; i < n; i++) {
        char c = src.charAt(i);
        if (c != quote) {
          if (!escaped && c == '\\') {
            escaped = true;
            continue;
          }
          if (escaped) {
            escaped = false;
            chars.append('\\');
          }
          chars.append(c);
          continue;
        }
        if (escaped) {
          escaped = false;
          chars.append(c);
          continue;
        }
        String value = chars.toString();
        if (quote == '"') {
          value = expand(expandEscapes(value), start);
        }
        out.put(key, value);
        return i + 1;
      }
      int lineFeed = src.indexOf('\n', start);
      throw problem(start, "unterminated quoted value " + src.substring(start, lineFeed < 0 ? n : lineFeed));
    }

    private String expand(String value, int at) {
      try {
        return Interpolation.substitute(value, expansion, warnings);
      } catch (InterpolationException e) {
        throw problem(at, e.getMessage());
      }
    }

    private int skipBlanks(int from) {
      int i = from;
      while (i < n && isBlank(src.charAt(i))) {
        i++;
      }
      return i;
    }

    private InputException problem(int offset, String reason) {
      int end = Math.min(offset, n);
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < end; i++) {
        if (src.charAt(i) == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      int column = src.codePointCount(lineStart, end) + 1;
      return new InputException(new Problem(file, line, column, "", reason));
    }
  }

  /** compose-go's isSpace: white space that does not end a line. */
  private static boolean isBlank(int c) {
    return c == '\t' || c == 0x0b || c == '\f' || c == '\r' || c == ' ' || c == 0x85 || c == 0xa0;
  }

  /** {@code \s} in Go's regular expressions. */
  private static boolean isRegexSpace(char c) {
    return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
  }

  /**
   * Escapes in a double-quoted value, as compose-go: {@code \a \b \f \n \r \t \v \\ \"}; {@code \$}
   * becomes {@code $$} (a literal {@code $} once variables are expanded); {@code \0} and up to three
   * digits is an octal escape when they are three octal digits up to 377, and otherwise loses its
   * {@code 0}. Any other backslash stays as it is.
   */
  static String expandEscapes(String str) {
    StringBuilder sb = new StringBuilder(str.length());
    int len = str.length();
    int i = 0;
    while (i < len) {
      char c = str.charAt(i);
      if (c != '\\' || i + 1 >= len) {
        sb.append(c);
        i++;
        continue;
      }
      char e = str.charAt(i + 1);
      String replacement = switch (e) {
        case 'a' -> "\u0007";
        case 'b' -> "\b";
        case 'f' -> "\f";
        case 'n' -> "\n";
        case 'r' -> "\r";
        case 't' -> "\t";
        case 'v' -> "\u000b";
        case '\\' -> "\\";
        case '"' -> "\"";
        case '$' -> "$$";
        default -> null;
      };
      if (replacement != null) {
        sb.append(replacement);
        i += 2;
      } else if (e == '0') {
        int j = i + 2;
        while (j < len && j < i + 5 && str.charAt(j) >= '0' && str.charAt(j) <= '9') {
          j++;
        }
        sb.append(octal(str.substring(i + 2, j)));
        i = j;
      } else {
        // `\c` too: compose-go matches it but Go cannot unquote it, so it stays
        sb.append(c);
        i++;
      }
    }
    return sb.toString();
  }

  /** compose-go turns {@code \0ddd} into {@code \ddd} and asks Go to unquote that. */
  private static String octal(String digits) {
    if (digits.length() == 3) {
      int value = 0;
      for (int k = 0; k < 3; k++) {
        int d = digits.charAt(k) - '0';
        if (d > 7) {
          return "\\" + digits;
        }
        value = value * 8 + d;
      }
      if (value <= 255) {
        return String.valueOf((char) value);
      }
    }
    return "\\" + digits;
  }
}
