package dev.headroom.load;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Implicit typing of plain scalars by the YAML 1.2 core schema, not YAML 1.1: {@code no}, {@code
 * off}, {@code yes} are strings, {@code 010} is the integer 10 (the typed readers refuse leading
 * zeros as ambiguous), {@code 1:30} is a string. Only {@code <<} is a merge key, as in compose.
 */
final class Yaml12Resolver extends Resolver {

  static final Pattern BOOL12 = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");
  static final Pattern INT12 = Pattern.compile("^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$");
  static final Pattern FLOAT12 =
      Pattern.compile(
          "^(?:[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
  static final Pattern NULL12 = Pattern.compile("^(?:~|null|Null|NULL)$");
  static final Pattern EMPTY12 = Pattern.compile("^$");
  static final Pattern MERGE12 = Pattern.compile("^(?:<<)$");

  @Override
  protected void addImplicitResolvers() {
    addImplicitResolver(Tag.BOOL, BOOL12, "tTfF");
    addImplicitResolver(Tag.INT, INT12, "-+0123456789");
    addImplicitResolver(Tag.FLOAT, FLOAT12, "-+0123456789.");
    addImplicitResolver(Tag.MERGE, MERGE12, "<");
    addImplicitResolver(Tag.NULL, NULL12, "~nN");
    addImplicitResolver(Tag.NULL, EMPTY12, null);
  }
}
