package dev.headroom.cli;

import dev.headroom.load.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code check --base-ref REF}: the compose files (and the files they read) as they were at a git
 * revision, written into a temporary directory with the repository's layout, so the base project
 * is loaded exactly as the current one. No shell is involved; the revision is an argument to git.
 */
final class GitBase implements AutoCloseable {

  private static final long MAX_FILE = 16L * 1024 * 1024;

  private final Path repo;
  private final Path root;

  private GitBase(Path repo, Path root) {
    this.repo = repo;
    this.root = root;
  }

  /** The repository that holds {@code anyFile}, and a fresh temporary root for the base tree. */
  static GitBase open(Path anyFile) {
    Path dir = anyFile.toAbsolutePath().getParent();
    String top = git(dir, "rev-parse", "--show-toplevel").strip();
    try {
      return new GitBase(Path.of(top).toRealPath(), Files.createTempDirectory("headroom-base-"));
    } catch (IOException e) {
      throw InputException.of("--base-ref: cannot create a temporary directory: " + e.getMessage());
    }
  }

  /** Where {@code file} of the working tree sits in the base tree. */
  Path map(Path file) {
    Path abs;
    try {
      abs = file.toAbsolutePath().normalize();
      Path parentReal = abs.getParent().toRealPath();
      abs = parentReal.resolve(abs.getFileName());
    } catch (IOException e) {
      abs = file.toAbsolutePath().normalize();
    }
    if (!abs.startsWith(repo)) {
      throw InputException.of("--base-ref: " + file + " is not inside the git repository " + repo);
    }
    return root.resolve(repo.relativize(abs));
  }

  /** The working-tree file that {@code p} of the base tree stands for; {@code p} itself when it is not in the base tree. */
  Path workingTreePath(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    return abs.startsWith(root) ? repo.resolve(root.relativize(abs)) : abs;
  }

  /** Writes {@code file} as it was at {@code ref} into the base tree; false when it did not exist there. */
  boolean fetch(String ref, Path file) {
    Path target = map(file);
    String spec = ref + ":" + root.relativize(target).toString().replace('\\', '/');
    byte[] content = gitBytes(repo, "show", spec);
    if (content == null) {
      return false;
    }
    try {
      Files.createDirectories(target.getParent());
      Files.write(target, content);
      return true;
    } catch (IOException e) {
      throw InputException.of("--base-ref: cannot write the base copy of " + file + ": " + e.getMessage());
    }
  }

  /** Checks that {@code ref} names a commit. */
  void verify(String ref) {
    if (ref.startsWith("-")) {
      throw InputException.of("--base-ref: '" + ref + "' is not a revision");
    }
    if (gitBytes(repo, "rev-parse", "--verify", "--quiet", ref + "^{commit}") == null) {
      throw InputException.of("--base-ref: unknown revision '" + ref + "' in " + repo);
    }
  }

  @Override
  public void close() {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a temporary directory left behind is not worth failing the check for
    }
  }

  private static String git(Path dir, String... args) {
    byte[] out = gitBytes(dir, args);
    if (out == null) {
      throw InputException.of("--base-ref: " + dir + " is not inside a git repository (git " + String.join(" ", args) + " failed)");
    }
    return new String(out, StandardCharsets.UTF_8);
  }

  /** git's standard output, or null when it exits non-zero or cannot run. */
  private static byte[] gitBytes(Path dir, String... args) {
    List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      byte[] out;
      try (InputStream in = p.getInputStream()) {
        out = in.readNBytes((int) MAX_FILE + 1);
      }
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      return p.exitValue() == 0 && out.length <= MAX_FILE ? out : null;
    } catch (IOException e) {
      throw InputException.of("--base-ref needs git on the PATH: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
