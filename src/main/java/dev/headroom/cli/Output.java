package dev.headroom.cli;

import dev.headroom.load.InputException;
import dev.headroom.load.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.function.Consumer;
import java.util.Collection;

/**
 * Puts a rendered result where the user asked: standard output, or {@code -o FILE} written
 * atomically (a temporary file in the same directory, then a rename). Refuses to write over an
 * input file, and over any existing file without {@code --force}.
 */
final class Output {
  private Output() {}


  static void emit(Consumer<PrintWriter> renderer, Path target, boolean force, Collection<Path> inputs, PrintWriter out) {
    if (target == null || target.toString().equals("-")) {
      renderer.accept(out);
      out.flush();
      return;
    }
    String name = target.toString();
    if (name.isBlank()) {
      throw InputException.of("-o needs a file name");
    }
    if (Files.isSymbolicLink(target)) {
      // write where the link points, so the link stays a link
      try {
        target = target.toRealPath();
      } catch (IOException e) {
        throw new InputException(Problem.at(name, "cannot write: a symbolic link to nothing"));
      }
    }
    if (Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target)) {
      throw new InputException(Problem.at(name, "cannot write: not a regular file (a device, pipe or socket); -o - writes to standard output"));
    }
    Path dir = target.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new InputException(Problem.at(name, "cannot write: the directory " + (dir == null ? "" : dir + " ") + "does not exist"));
    }
    if (Files.isDirectory(target)) {
      throw new InputException(Problem.at(name, "cannot write: it is a directory"));
    }
    boolean exists = Files.exists(target);
    if (exists) {
      for (Path in : inputs) {
        if (sameFile(in, target)) {
          throw new InputException(Problem.at(name, "refusing to overwrite an input file"));
        }
      }
      if (!force) {
        throw new InputException(Problem.at(name, "already exists; pass --force to overwrite it"));
      }
    }
    // created like any new file (0666 less the umask), in the target's directory so the rename is atomic
    Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()) + ".tmp");
    boolean moved = false;
    try {
      try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE))) {
        renderer.accept(w);
        w.flush();
        if (w.checkError()) {
          throw new IOException("the write did not complete (disk full?)");
        }
      }
      if (exists) {
        keepPermissions(target, tmp);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
    } catch (AccessDeniedException e) {
      throw new InputException(Problem.at(name, "cannot write: permission denied"));
    } catch (NoSuchFileException e) {
      throw new InputException(Problem.at(name, "cannot write: no such directory"));
    } catch (IOException e) {
      throw new InputException(Problem.at(name, "cannot write: " + e.getMessage()));
    } finally {
      if (!moved) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort: the write already failed and says so
        }
      }
    }
  }

  /** A replaced file keeps its mode: a report others could read stays readable. */
  private static void keepPermissions(Path from, Path to) {
    try {
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(from);
      Files.setPosixFilePermissions(to, mode);
    } catch (UnsupportedOperationException | IOException e) {
      // not a POSIX file system, or not ours to read: the new file keeps the default mode
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
