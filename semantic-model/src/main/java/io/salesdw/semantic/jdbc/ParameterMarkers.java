package io.salesdw.semantic.jdbc;

/**
 * Finds JDBC's {@code ?} parameter markers in SQL text: a {@code ?} outside string literals, quoted
 * identifiers and comments.
 */
final class ParameterMarkers {
  private ParameterMarkers() {}

  static boolean present(String sql) {
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '?') {
        return true;
      } else if (c == '\'' || c == '"' || c == '`') {
        i = afterQuoted(sql, i, c);
      } else if (sql.startsWith("--", i)) {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? sql.length() : end + 1;
      } else if (sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? sql.length() : end + 2;
      } else {
        i++;
      }
    }
    return false;
  }

  /** The index after a quoted part that opens at {@code start}; a doubled quote is one quote. */
  private static int afterQuoted(String sql, int start, char quote) {
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return sql.length();
  }
}
