package dev.headroom.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The bytes of one input file, read with a size cap before anything parses them, and the name used
 * for it in messages.
 */
public final class Source {

  private final String name;
  private final Path path;
  private final byte[] bytes;

  public Source(String name, Path path, byte[] bytes) {
    this.name = name;
    this.path = path;
    this.bytes = bytes;
  }

  /** The name used in messages: the path as the user gave it, or {@code profiles/...}. */
  public String name() {
    return name;
  }

  /** The file on disk, or null for a built-in resource. */
  public Path path() {
    return path;
  }

  /** The raw bytes; callers must not modify them. */
  byte[] bytes() {
    return bytes;
  }

  public int size() {
    return bytes.length;
  }

  /** The default cap on an input file: 5 MiB (DESIGN.md C3; {@code --max-file-size}). */
  public static final long DEFAULT_MAX_FILE_SIZE = 5L * 1024 * 1024;

  public static Source of(String name, String text) {
    return new Source(name, null, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a file, refusing it when it is larger than {@code maxBytes} (checked before reading and
   * again while reading, so a growing file or a device cannot get past the cap).
   */
  public static Source read(Path path, String name, long maxBytes) {
    try {
      if (Files.isDirectory(path)) {
        throw new InputException(Problem.at(name, "is a directory, not a file"));
      }
      if (!Files.exists(path)) {
        throw new NoSuchFileException(path.toString());
      }
      if (!Files.isRegularFile(path)) {
        // a pipe would block, a device could be endless
        throw new InputException(Problem.at(name, "is not a regular file (a device, pipe or socket)"));
      }
      long size = Files.size(path);
      if (size > maxBytes) {
        throw new InputException(Problem.at(name, tooLarge(size, maxBytes)));
      }
      try (InputStream in = Files.newInputStream(path)) {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
          throw new InputException(Problem.at(name, "is larger than the " + human(maxBytes) + " limit (--max-file-size)"));
        }
        return new Source(name, path, bytes);
      }
    } catch (NoSuchFileException e) {
      throw new InputException(Problem.at(name, "no such file"));
    } catch (AccessDeniedException e) {
      throw new InputException(Problem.at(name, "permission denied"));
    } catch (IOException e) {
      throw new InputException(Problem.at(name, "cannot read: " + e.getMessage()));
    }
  }

  static String tooLarge(long size, long max) {
    return "file is " + human(size) + ", larger than the " + human(max) + " limit; refused before parsing (raise it with --max-file-size)";
  }

  private static String human(long bytes) {
    return new dev.headroom.model.Bytes(bytes).toString();
  }

  /**
   * The text of the file: UTF-8 (a byte-order mark is dropped), or UTF-16/UTF-32 when a byte-order
   * mark says so. Invalid UTF-8 is an error that names the byte offset.
   */
  public String text() {
    byte[] b = bytes;
    Charset cs = StandardCharsets.UTF_8;
    int skip = 0;
    if (b.length >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xff) == 0xfe && (b[3] & 0xff) == 0xff) {
      cs = Charset.forName("UTF-32BE");
      skip = 4;
    } else if (b.length >= 4 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe && b[2] == 0 && b[3] == 0) {
      cs = Charset.forName("UTF-32LE");
      skip = 4;
    } else if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
      skip = 3;
    } else if (b.length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
      cs = StandardCharsets.UTF_16BE;
      skip = 2;
    } else if (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
      cs = StandardCharsets.UTF_16LE;
      skip = 2;
    }
    CharsetDecoder dec =
        cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(b, skip, b.length - skip);
    // a character takes at least one byte in UTF-8 and two in UTF-16 or UTF-32 (a pair of
    // surrogates for four), so the bytes bound the characters
    CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, (long) b.length - skip + 16));
    CoderResult r = dec.decode(in, out, true);
    if (r.isError()) {
      throw new InputException(Problem.at(name, "is not valid " + cs.name() + " text (bad byte at offset " + in.position() + ")"));
    }
    r = dec.flush(out);
    if (r.isError()) {
      throw new InputException(Problem.at(name, "is not valid " + cs.name() + " text (truncated at the end)"));
    }
    out.flip();
    return out.toString();
  }
}
