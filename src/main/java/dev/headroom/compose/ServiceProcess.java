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

  /** An env file larger than this is not an env file; it is not read for settings. */
  private static final long MAX_ENV_FILE = 1 << 20;

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
    String text;
    String shown;
    try {
      Path path = dirOf.apply(entry.origin().file()).resolve(file).normalize();
      if (!Files.isRegularFile(path) || Files.size(path) > MAX_ENV_FILE) {
        return;
      }
      text = Files.readString(path, StandardCharsets.UTF_8);
      // named as the compose file is named: beside it, relative when it is
      Path written = Path.of(file);
      shown = written.isAbsolute() ? file : Path.of(entry.origin().file()).resolveSibling(written).normalize().toString();
    } catch (IOException | java.io.UncheckedIOException | java.nio.file.InvalidPathException e) {
      return; // unreadable, not UTF-8, or not a path: compose says so itself
    }
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
