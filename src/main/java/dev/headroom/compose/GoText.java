package dev.headroom.compose;

/** Go's string functions that compose's messages and parsers depend on, for identical results. */
final class GoText {
  private GoText() {}

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /**
   * Go's {@code strconv.Quote}, which is also what {@code %q} and {@code %#v} print for a string:
   * double quotes; {@code \a \b \f \n \r \t \v \\ \"} escaped; other control characters as
   * {@code \xNN}; characters that are not printable (not a letter, mark, number, punctuation,
   * symbol or the ASCII space) as {@code \\uNNNN} or {@code \UNNNNNNNN}.
   */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2);
    sb.append('"');
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case 0x07 -> sb.append("\\a");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case 0x0b -> sb.append("\\v");
        default -> {
          if (isPrint(cp)) {
            sb.appendCodePoint(cp);
          } else if (cp < ' ' || cp == 0x7f) {
            sb.append("\\x").append(HEX[cp >> 4]).append(HEX[cp & 0xf]);
          } else if (cp < 0x10000) {
            hex(sb.append("\\u"), cp, 4);
          } else {
            hex(sb.append("\\U"), cp, 8);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  private static void hex(StringBuilder sb, int cp, int digits) {
    for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
      sb.append(HEX[(cp >> shift) & 0xf]);
    }
  }

  /** Go's {@code unicode.IsPrint}: categories L, M, N, P, S and the ASCII space. */
  static boolean isPrint(int cp) {
    if (cp == ' ') {
      return true;
    }
    switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL:
        return true;
      default:
        return false;
    }
  }

  /**
   * Go's {@code unicode.IsSpace}: tab, line feed, vertical tab, form feed, carriage return, space,
   * U+0085, U+00A0 and the other Unicode White_Space characters.
   */
  static boolean isSpace(int cp) {
    switch (cp) {
      case '\t', '\n', 0x0b, '\f', '\r', ' ', 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000:
        return true;
      default:
        return cp >= 0x2000 && cp <= 0x200a;
    }
  }

  /** Go's {@code unicode.IsLetter}: category L. */
  static boolean isLetter(int cp) {
    return Character.isLetter(cp);
  }

  /** Go's {@code unicode.IsNumber}: category N (Nd, Nl, No), wider than {@link Character#isDigit}. */
  static boolean isNumber(int cp) {
    int type = Character.getType(cp);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  /** The end of {@code s} with every trailing {@link #isSpace} character removed. */
  static String trimRightSpace(String s) {
    int end = s.length();
    while (end > 0) {
      int cp = s.codePointBefore(end);
      if (!isSpace(cp)) {
        break;
      }
      end -= Character.charCount(cp);
    }
    return s.substring(0, end);
  }
}
