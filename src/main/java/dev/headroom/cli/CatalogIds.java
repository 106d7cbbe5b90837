package dev.headroom.cli;

import dev.headroom.load.CatalogLoader;
import dev.headroom.load.InputException;
import dev.headroom.load.YamlReader;
import dev.headroom.model.Catalog;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The ids of the built-in catalog, as picocli's completion candidates of {@code --host} and {@code
 * --stack}: the shell completion script lists them. picocli makes these objects whenever it builds
 * a command's model, so the catalog is read only when the ids are asked for, which only the
 * completion script does.
 */
final class CatalogIds {
  private CatalogIds() {}

  private static List<String> ids(Set<String> parts, boolean hosts, boolean withAll) {
    List<String> out = new ArrayList<>();
    if (withAll) {
      out.add("all");
    }
    try {
      Catalog c = new CatalogLoader(new YamlReader()).load(parts, List.of()).catalog();
      out.addAll(hosts ? c.hosts().keySet() : c.stacks().keySet());
    } catch (InputException e) {
      // the built-in catalog is checked by the build; a broken one completes nothing
    }
    return out;
  }

  /** Host ids. */
  static final class Hosts implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return ids(Set.of("hosts"), true, false).iterator();
    }
  }

  /** Host ids, and {@code all}. */
  static final class HostsOrAll implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return ids(Set.of("hosts"), true, true).iterator();
    }
  }

  /** Stack ids. */
  static final class Stacks implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return ids(CatalogLoader.BUILTIN_PARTS, false, false).iterator();
    }
  }
}
