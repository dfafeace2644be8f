package io.salesdw.generator.output;

/** Hand-written JSON text for the hot paths (millions of chat messages), escaped per RFC 8259. */
public final class JsonText {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonText() {}

  /** Appends a JSON string literal, or {@code null} for a null value. */
  public static StringBuilder appendString(StringBuilder out, String value) {
    if (value == null) {
      return out.append("null");
    }
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"');
  }

  /** Appends {@code "name":} with the separating comma unless it is the object's first member. */
  public static StringBuilder appendName(StringBuilder out, String name, boolean first) {
    if (!first) {
      out.append(',');
    }
    return appendString(out, name).append(':');
  }
}
