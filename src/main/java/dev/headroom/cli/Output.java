package dev.headroom.cli;

import dev.headroom.load.InputException;
import dev.headroom.load.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;

/**
 * Puts a rendered result where the user asked: standard output, or {@code -o FILE} written
 * atomically (a temporary file in the same directory, then a rename). Refuses to write over an
 * input file, and over any existing file without {@code --force}.
 */
final class Output {
  private Output() {}

  static void emit(String content, Path target, boolean force, Collection<Path> inputs, PrintWriter out) {
    if (target == null) {
      out.print(content);
      out.flush();
      return;
    }
    String name = target.toString();
    Path dir = target.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new InputException(Problem.at(name, "cannot write: the directory " + (dir == null ? "" : dir + " ") + "does not exist"));
    }
    if (Files.isDirectory(target)) {
      throw new InputException(Problem.at(name, "cannot write: it is a directory"));
    }
    if (Files.exists(target) || Files.isSymbolicLink(target)) {
      for (Path in : inputs) {
        if (sameFile(in, target)) {
          throw new InputException(Problem.at(name, "refusing to overwrite an input file"));
        }
      }
      if (!force) {
        throw new InputException(Problem.at(name, "already exists; pass --force to overwrite it"));
      }
    }
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        w.write(content);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (AccessDeniedException e) {
      throw new InputException(Problem.at(name, "cannot write: permission denied"));
    } catch (NoSuchFileException e) {
      throw new InputException(Problem.at(name, "cannot write: no such directory"));
    } catch (IOException e) {
      throw new InputException(Problem.at(name, "cannot write: " + e.getMessage()));
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort: the write already failed and says so
        }
      }
    }
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.exists(a) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }
}
