package dev.headroom.load;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code .headroom.yaml} at a compose project's root: the severity of each gate rule.
 *
 * <pre>
 * rules:
 *   HR001: error      # error, warning, info or off
 *   HR005: off
 * </pre>
 *
 * Unknown keys, rule ids and severities are errors with a suggestion.
 */
public final class ProjectConfig {
  private ProjectConfig() {}

  public static final String FILE_NAME = ".headroom.yaml";

  /** The severity name per rule id, as written; {@code ruleIds} and {@code severities} are the known names. */
  public static Map<String, String> read(Path file, String name, YamlReader yaml, Set<String> ruleIds, Set<String> severities) {
    Source src = Source.read(file, name, yaml.limits().maxFileSize());
    YamlNode root = yaml.readSingle(src);
    Problems problems = new Problems();
    Map<String, String> out = new LinkedHashMap<>();
    if (!(root instanceof YamlNode.Map m)) {
      throw new InputException(new Problem(name, root.line(), root.column(), "", "expected a mapping with rules"));
    }
    Fields f = Fields.of(name, "", m, problems, Set.of("rules"));
    YamlNode rules = f.node("rules");
    if (rules instanceof YamlNode.Map rm) {
      for (YamlNode.Entry e : rm.entries().values()) {
        String id = e.key().value();
        String path = "rules." + id;
        if (!ruleIds.contains(id)) {
          problems.add(new Problem(name, e.key().line(), e.key().column(), path,
              "unknown rule '" + id + "'" + Suggestions.didYouMean(id, ruleIds)));
          continue;
        }
        if (!(e.value() instanceof YamlNode.Scalar s) || !severities.contains(s.value())) {
          String v = e.value() instanceof YamlNode.Scalar s ? s.value() : YamlNode.describe(e.value());
          problems.add(new Problem(name, e.value().line(), e.value().column(), path,
              "unknown severity '" + v + "'; expected one of " + String.join(", ", severities) + Suggestions.didYouMean(v, severities)));
          continue;
        }
        out.put(id, s.value());
      }
    } else if (rules != null && !(rules instanceof YamlNode.Scalar s && s.isNull())) {
      f.problem("rules", "expected a mapping of rule ids to severities");
    }
    problems.throwIfAny();
    return out;
  }
}
