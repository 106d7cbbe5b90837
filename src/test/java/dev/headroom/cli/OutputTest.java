package dev.headroom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.load.InputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -o FILE}: written to a temporary file in the target's directory and moved into place; never
 * over an input (also through a symbolic or a hard link); an existing file only with {@code
 * --force}; a failure half-way leaves the old file or none, and no temporary file.
 */
class OutputTest {

  @TempDir Path dir;

  private static void whole(PrintWriter w) {
    w.print("new\n");
  }

  /** Writes half a report, then fails as a full disk or a bug would. */
  private static void half(PrintWriter w) {
    w.print("half of a rep");
    w.flush();
    throw new UncheckedIOException(new IOException("injected failure"));
  }

  private static void emit(Consumer<PrintWriter> renderer, Path target, boolean force, List<Path> inputs) {
    Output.emit(renderer, target, force, inputs, new PrintWriter(new StringWriter()));
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void aNewFileIsWrittenWholeAndNothingElseIsLeft() throws IOException {
    Path out = dir.resolve("report.md");
    emit(OutputTest::whole, out, false, List.of());
    assertThat(out).hasContent("new");
    assertThat(files()).containsExactly(out);
  }

  @Test
  void aFailureHalfWayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path out = dir.resolve("report.md");
    Files.writeString(out, "old\n");
    assertThatThrownBy(() -> emit(OutputTest::half, out, true, List.of())).isInstanceOf(UncheckedIOException.class);
    assertThat(out).hasContent("old");
    assertThat(files()).containsExactly(out);
  }

  @Test
  void aFailureHalfWayOnANewFileLeavesNothing() throws IOException {
    Path out = dir.resolve("report.md");
    assertThatThrownBy(() -> emit(OutputTest::half, out, false, List.of())).isInstanceOf(UncheckedIOException.class);
    assertThat(files()).isEmpty();
  }

  @Test
  void anExistingFileOnlyWithForceAndItKeepsItsMode() throws IOException {
    Path out = dir.resolve("report.md");
    Files.writeString(out, "old\n");
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r-----"));
    assertThatThrownBy(() -> emit(OutputTest::whole, out, false, List.of())).isInstanceOf(InputException.class)
        .hasMessageContaining("already exists; pass --force to overwrite it");
    assertThat(out).hasContent("old");
    emit(OutputTest::whole, out, true, List.of());
    assertThat(out).hasContent("new");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-r-----");
  }

  @Test
  void neverOverAnInputNotEvenThroughALinkOrWithForce() throws IOException {
    Path input = dir.resolve("compose.yaml");
    Files.writeString(input, "services: {}\n");
    Path symlink = Files.createSymbolicLink(dir.resolve("via-symlink.md"), input);
    Path hardlink = Files.createLink(dir.resolve("via-hardlink.md"), input);
    for (Path target : List.of(input, symlink, hardlink)) {
      assertThatThrownBy(() -> emit(OutputTest::whole, target, true, List.of(input))).as(target.toString())
          .isInstanceOf(InputException.class).hasMessageContaining("refusing to overwrite an input file");
    }
    assertThat(input).hasContent("services: {}");
    assertThat(Files.readString(hardlink, StandardCharsets.UTF_8)).isEqualTo("services: {}\n");
  }

  @Test
  void aSymbolicLinkStaysALinkAndItsTargetIsReplaced() throws IOException {
    Path real = dir.resolve("real.md");
    Files.writeString(real, "old\n");
    Path link = Files.createSymbolicLink(dir.resolve("link.md"), real);
    emit(OutputTest::whole, link, true, List.of());
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(real).hasContent("new");
  }

  @Test
  void aMissingOrReadOnlyDirectoryIsOneLine() throws IOException {
    assertThatThrownBy(() -> emit(OutputTest::whole, dir.resolve("no/such/dir/report.md"), false, List.of()))
        .isInstanceOf(InputException.class).hasMessageContaining("does not exist");
    Path locked = Files.createDirectory(dir.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      Assumptions.assumeFalse(Files.isWritable(locked), "running as root: a read-only directory is writable anyway");
      assertThatThrownBy(() -> emit(OutputTest::whole, locked.resolve("report.md"), false, List.of()))
          .isInstanceOf(InputException.class).hasMessageContaining("cannot write: permission denied");
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }
}
