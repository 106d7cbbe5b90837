package dev.headroom.compose;

import dev.headroom.load.InputException;
import dev.headroom.model.ComposeService.Sourced;
import dev.headroom.model.Origin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service's process is told: its environment ({@code env_file}s in order, then {@code
 * environment}, which wins, as docker compose merges them) and the words of its {@code command}.
 * The runtime rules read their settings from here. Each value keeps the file and line it is written
 * at, an env file's too.
 */
final class ServiceProcess {
  private ServiceProcess() {}

  /** An env or configuration file larger than this is not one; it is not read for settings. */
  private static final long MAX_FILE = 1 << 20;

  static Map<String, Sourced<String>> environment(CNode.Map service, Function<String, Path> dirOf) {
    Map<String, Sourced<String>> env = new LinkedHashMap<>();
    for (CNode f : envFiles(service.get("env_file"))) {
      readEnvFile(f, dirOf, env);
    }
    CNode e = service.get("environment");
    if (e instanceof CNode.Map m) {
      for (CNode.Entry entry : m.entries().values()) {
        // KEY: with no value takes it from the shell, which headroom does not see: left out
        if (entry.value() instanceof CNode.Scalar s && !s.isNull()) {
          env.put(entry.key(), new Sourced<>(s.value(), s.origin()));
        }
      }
    } else if (e instanceof CNode.Seq q) {
      for (CNode item : q.items()) {
        if (item instanceof CNode.Scalar s && !s.isNull()) {
          int eq = s.value().indexOf('=');
          if (eq > 0) {
            env.put(s.value().substring(0, eq), new Sourced<>(s.value().substring(eq + 1), s.origin()));
          }
        }
      }
    }
    return env;
  }

  private static List<CNode> envFiles(CNode n) {
    List<CNode> out = new ArrayList<>();
    if (n instanceof CNode.Scalar s && !s.isNull()) {
      out.add(s);
    } else if (n instanceof CNode.Seq q) {
      out.addAll(q.items());
    }
    return out;
  }

  /** A missing env file is compose's own error (HR007, or none when not required): nothing to read here. */
  private static void readEnvFile(CNode entry, Function<String, Path> dirOf, Map<String, Sourced<String>> env) {
    String file;
    if (entry instanceof CNode.Scalar s && !s.isNull()) {
      file = s.value();
    } else if (entry instanceof CNode.Map m && m.get("path") instanceof CNode.Scalar ps && !ps.isNull()) {
      file = ps.value();
    } else {
      return;
    }
    Sourced<String> read = readProjectFile(entry, file, dirOf);
    if (read == null) {
      return; // unreadable, not UTF-8, or not a path: compose says so itself
    }
    String text = read.value();
    String shown = read.origin().file();
    Map<String, String> values;
    try {
      values = DotEnv.parse(shown, text, Lookup.none());
    } catch (InputException e) {
      return; // docker compose reports a broken env file itself
    }
    String[] lines = text.split("\n", -1);
    for (Map.Entry<String, String> v : values.entrySet()) {
      env.put(v.getKey(), new Sourced<>(v.getValue(), new Origin(shown, lineOf(lines, v.getKey()), 1)));
    }
  }

  /** The last line that sets {@code key} ({@code KEY=}, {@code export KEY=}, {@code KEY:}), 0 when not found. */
  private static int lineOf(String[] lines, String key) {
    Pattern p = Pattern.compile("^\\s*(?:export\\s+)?" + Pattern.quote(key) + "\\s*[=:]");
    int found = 0;
    for (int i = 0; i < lines.length; i++) {
      if (p.matcher(lines[i]).find()) {
        found = i + 1;
      }
    }
    return found;
  }

  /**
   * The small files the project mounts into the container whose path the command names (a
   * configuration file: {@code redis-server /usr/local/etc/redis/redis.conf}), by container path,
   * each with its text and the host file's name. A bind mount of a file of the project (a relative
   * source, {@code ./redis.conf:/etc/...}, short or long syntax); a host path ({@code /etc/...}) is
   * never read, and a file that cannot be read is left out.
   */
  static Map<String, Sourced<String>> mountedFiles(CNode.Map service, List<Sourced<String>> command,
      Function<String, Path> dirOf) {
    Map<String, Sourced<String>> out = new LinkedHashMap<>();
    List<String> words = new ArrayList<>();
    for (Sourced<String> w : command) {
      words.add(w.value());
      int eq = w.value().indexOf('=');
      if (eq > 0) {
        words.add(w.value().substring(eq + 1)); // -c config_file=/etc/postgresql/postgresql.conf
      }
    }
    if (!(service.get("volumes") instanceof CNode.Seq volumes)) {
      return out;
    }
    for (CNode v : volumes.items()) {
      String source = null;
      String target = null;
      if (v instanceof CNode.Scalar s && !s.isNull()) {
        String[] parts = s.value().split(":", -1);
        if (parts.length >= 2 && parts[0].startsWith(".")) {
          source = parts[0];
          target = parts[1];
        }
      } else if (v instanceof CNode.Map m && m.get("type") instanceof CNode.Scalar t && "bind".equals(t.value())
          && m.get("source") instanceof CNode.Scalar src && m.get("target") instanceof CNode.Scalar dst) {
        source = src.value();
        target = dst.value();
      }
      // only the project's own files (./redis.conf), never a host path such as /etc/...
      if (source == null || !source.startsWith(".") || !words.contains(target)) {
        continue;
      }
      Sourced<String> read = readProjectFile(v, source, dirOf);
      if (read != null) {
        out.put(target, read);
      }
    }
    return out;
  }

  /**
   * A small file named in the compose file at {@code at}, relative to that file's directory: its
   * text, and its name as the compose file is named (beside it, relative when it is); null when it is
   * missing, too large, not UTF-8 or not a path.
   */
  private static Sourced<String> readProjectFile(CNode at, String file, Function<String, Path> dirOf) {
    try {
      Path path = dirOf.apply(at.origin().file()).resolve(file).normalize();
      if (!Files.isRegularFile(path) || Files.size(path) > MAX_FILE) {
        return null;
      }
      String text = Files.readString(path, StandardCharsets.UTF_8);
      Path written = Path.of(file);
      String shown = written.isAbsolute() ? file : Path.of(at.origin().file()).resolveSibling(written).normalize().toString();
      return new Sourced<>(text, new Origin(shown, 1, 1));
    } catch (IOException | java.io.UncheckedIOException | java.nio.file.InvalidPathException e) {
      return null;
    }
  }

  private static final Pattern WORD = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|(\\S+)");

  /**
   * The words of {@code command}: a list as it is; a string split on white space, quotes grouping
   * (docker compose splits it with shell rules; expansions are not performed here either).
   */
  static List<Sourced<String>> command(CNode.Map service) {
    List<Sourced<String>> out = new ArrayList<>();
    CNode c = service.get("command");
    if (c instanceof CNode.Seq q) {
      for (CNode item : q.items()) {
        if (item instanceof CNode.Scalar s && !s.isNull()) {
          out.add(new Sourced<>(s.value(), s.origin()));
        }
      }
    } else if (c instanceof CNode.Scalar s && !s.isNull()) {
      Matcher m = WORD.matcher(s.value());
      while (m.find()) {
        String w = m.group(1) != null ? m.group(1).replaceAll("\\\\(.)", "$1") : m.group(2) != null ? m.group(2) : m.group(3);
        out.add(new Sourced<>(w, s.origin()));
      }
    }
    return out;
  }
}
