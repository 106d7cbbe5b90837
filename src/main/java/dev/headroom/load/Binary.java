package dev.headroom.load;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The strings and lengths of the two files headroom's build writes into its jar (the built-in
 * catalog's {@link NodeSnapshot} and the commands' model): a string is its UTF-8 length as an int
 * and its bytes, a string that may be absent has a flag byte first, and every length is checked
 * against what is left before anything is read.
 */
public final class Binary {
  private Binary() {}

  public static void string(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  public static void nullable(DataOutputStream out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      string(out, s);
    }
  }

  public static void strings(DataOutputStream out, String[] s) throws IOException {
    out.writeInt(s.length);
    for (String x : s) {
      string(out, x);
    }
  }

  public static String string(ByteBuffer in) {
    int n = count(in);
    String s = new String(in.array(), in.arrayOffset() + in.position(), n, StandardCharsets.UTF_8);
    in.position(in.position() + n);
    return s;
  }

  public static String nullable(ByteBuffer in) {
    return in.get() != 0 ? string(in) : null;
  }

  public static String[] strings(ByteBuffer in) {
    String[] s = new String[count(in)];
    for (int i = 0; i < s.length; i++) {
      s[i] = string(in);
    }
    return s;
  }

  /** A length or a count: not negative, and not more than the bytes left. */
  public static int count(ByteBuffer in) {
    int n = in.getInt();
    if (n < 0 || n > in.remaining()) {
      throw new IllegalArgumentException("a length of " + n + " past the end");
    }
    return n;
  }
}
