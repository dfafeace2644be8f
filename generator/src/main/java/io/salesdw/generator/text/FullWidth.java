package io.salesdw.generator.text;

/**
 * Full-width forms of ASCII text, as Chinese input methods produce them when left in full-width
 * mode: letters, digits and punctuation move to U+FF01–U+FF5E and the space becomes U+3000. All of
 * them exist in GBK.
 */
public final class FullWidth {
  private FullWidth() {}

  /** The full-width form of every printable ASCII character in {@code text}. */
  public static String of(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ') {
        out.append('\u3000');
      } else if (c > ' ' && c < 0x7F) {
        out.append((char) (c - 0x21 + 0xFF01));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
