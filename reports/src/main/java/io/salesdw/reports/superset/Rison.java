package io.salesdw.reports.superset;

import java.util.List;
import java.util.Map;

/**
 * Encodes the values Superset's {@code q=} parameter takes as Rison: objects, lists, strings,
 * integers and booleans. Written here because no maintained Rison library is published for Java; it
 * covers only what the client sends.
 */
final class Rison {
  // Characters that end a bare identifier; an identifier must not start with a digit or '-'.
  private static final String NOT_ID_CHARS = " '!:(),*@$";

  private Rison() {}

  static String encode(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  private static void write(Object value, StringBuilder out) {
    if (value == null) {
      out.append("!n");
    } else if (value instanceof Boolean bool) {
      out.append(bool ? "!t" : "!f");
    } else if (value instanceof Integer || value instanceof Long) {
      out.append(value);
    } else if (value instanceof String string) {
      writeString(string, out);
    } else if (value instanceof List<?> list) {
      out.append("!(");
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(list.get(i), out);
      }
      out.append(')');
    } else if (value instanceof Map<?, ?> map) {
      out.append('(');
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        writeString((String) entry.getKey(), out);
        out.append(':');
        write(entry.getValue(), out);
      }
      out.append(')');
    } else {
      throw new IllegalArgumentException("Rison cannot encode " + value.getClass().getName());
    }
  }

  private static void writeString(String string, StringBuilder out) {
    if (isId(string)) {
      out.append(string);
      return;
    }
    out.append('\'');
    for (char c : string.toCharArray()) {
      if (c == '\'' || c == '!') {
        out.append('!');
      }
      out.append(c);
    }
    out.append('\'');
  }

  private static boolean isId(String string) {
    if (string.isEmpty()) {
      return false;
    }
    char first = string.charAt(0);
    if (first == '-' || Character.isDigit(first)) {
      return false;
    }
    for (char c : string.toCharArray()) {
      if (NOT_ID_CHARS.indexOf(c) >= 0 || c < 0x20) {
        return false;
      }
    }
    return true;
  }
}
