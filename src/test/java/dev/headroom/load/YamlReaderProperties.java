package dev.headroom.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** Any input, however broken, is read or refused with an InputException (DESIGN.md C1, C2). */
class YamlReaderProperties {

  private static final YamlReader READER = new YamlReader();

  private static final String[] TOKENS = {
    "a", "b", "kind", "id", ":", ": ", " ", "  ", "\n", "\r\n", "- ", "[", "]", "{", "}", ", ", "\"", "'", "# c", "&x ",
    "*x", "&y ", "*y", "<<: ", "<<", "!t ", "!!str ", "!!int ", "!!binary ", "|", ">-", "---\n", "...\n", "\t", "é",
    "😀", "? ", "\\", "%YAML 1.2\n", "%TAG ! tag:x,2000:\n", "010", "1:30", "no", ".inf", "512MiB", "~", "null", "\u0085",
    "\u2028", "\uFEFF", "\u0000", "\u0007"
  };

  @Provide
  Arbitrary<String> yamlish() {
    return Arbitraries.of(TOKENS).list().ofMaxSize(40).map(l -> String.join("", l));
  }

  private static void readOrRefuse(Source source) {
    try {
      READER.readAll(source);
    } catch (InputException refused) {
      assertThat(refused.problems()).isNotEmpty();
      for (Problem p : refused.problems()) {
        assertThat(p.file()).isEqualTo(source.name());
        assertThat(p.format()).doesNotContain("\n", "\r");
      }
    }
  }

  @Property(tries = 3000)
  void tokenSoupIsReadOrRefused(@ForAll("yamlish") String text) {
    readOrRefuse(Source.of("f.yaml", text));
  }

  @Property(tries = 1000)
  void arbitraryTextIsReadOrRefused(@ForAll @StringLength(max = 200) String text) {
    readOrRefuse(Source.of("f.yaml", text));
  }

  @Property(tries = 1000)
  void arbitraryBytesAreReadOrRefused(@ForAll @Size(max = 200) List<Byte> bytes) {
    byte[] b = new byte[bytes.size()];
    for (int i = 0; i < b.length; i++) {
      b[i] = bytes.get(i);
    }
    readOrRefuse(new Source("f.yaml", null, b));
  }

  @Property(tries = 1000)
  void tokenSoupAsACatalogFileIsReadOrRefused(@ForAll("yamlish") String body) {
    Problems problems = new Problems();
    List<CatalogFileReader.Identity> identity = new ArrayList<>();
    CatalogFileReader.Entry entry =
        new CatalogFileReader(READER).read(Source.of("f.yaml", "kind: host\nid: h\n" + body), problems, identity);
    assertThat(entry == null).isEqualTo(!problems.isEmpty());
  }
}
