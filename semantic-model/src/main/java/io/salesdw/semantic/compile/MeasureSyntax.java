package io.salesdw.semantic.compile;

/**
 * Makes {@code MEASURE(metric)} parseable. {@code MEASURE} is a reserved word of Calcite's parser
 * (for {@code AS MEASURE}), so the analyst's {@code MEASURE(} becomes the quoted function name
 * {@code "MEASURE"(} before parsing. Text in string literals, quoted identifiers and comments is
 * left alone.
 */
final class MeasureSyntax {
  /** The function name the rewritten text calls. */
  static final String FUNCTION = "MEASURE";

  private MeasureSyntax() {}

  /** The query with each {@code MEASURE (} call's name quoted. */
  static String quoteMeasureCalls(String sql) {
    StringBuilder out = new StringBuilder(sql.length() + 16);
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        int end = closing(sql, i, c);
        out.append(sql, i, end);
        i = end;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        end = end < 0 ? n : end;
        out.append(sql, i, end);
        i = end;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        out.append(sql, i, end);
        i = end;
      } else if (Character.isLetter(c) || c == '_') {
        int end = i;
        while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
          end++;
        }
        String word = sql.substring(i, end);
        int next = end;
        while (next < n && Character.isWhitespace(sql.charAt(next))) {
          next++;
        }
        boolean call = next < n && sql.charAt(next) == '(';
        boolean qualified = i > 0 && sql.charAt(i - 1) == '.';
        if (call && !qualified && word.equalsIgnoreCase(FUNCTION)) {
          out.append('"').append(FUNCTION).append('"');
        } else {
          out.append(word);
        }
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** The index after a quoted token starting at {@code start}; a doubled quote escapes itself. */
  private static int closing(String sql, int start, char quote) {
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
