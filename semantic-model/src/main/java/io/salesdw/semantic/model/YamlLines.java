package io.salesdw.semantic.model;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the line an element of a model file is declared on. Jackson's records carry no locations,
 * so the loader looks up each element's {@code name:} line, searching from its list's key ({@code
 * dimensions:} under its model's line) and past the previous item, so that a dimension and a
 * measure of the same name, or two items of the same name, are told apart.
 */
final class YamlLines {
  private final String file;
  private final List<String> lines;

  YamlLines(String file, String text) {
    this.file = file;
    this.lines = text.lines().toList();
  }

  /** The location of the first {@code name: value} line at or after {@code fromLine}. */
  SourceLocation ofName(String value, int fromLine) {
    return ofKey("name", value, fromLine);
  }

  /**
   * The location of the first {@code key: value} line at or after {@code fromLine}; else fromLine.
   */
  SourceLocation ofKey(String key, String value, int fromLine) {
    if (value != null) {
      Pattern pattern =
          Pattern.compile(
              "^\\s*(-\\s+)?\\{?\\s*"
                  + Pattern.quote(key)
                  + "\\s*:\\s*['\"]?"
                  + Pattern.quote(value)
                  + "['\"]?\\s*([,}#].*)?$");
      for (int i = Math.max(0, fromLine - 1); i < lines.size(); i++) {
        if (pattern.matcher(lines.get(i)).find()) {
          return new SourceLocation(file, i + 1);
        }
      }
    }
    return new SourceLocation(file, Math.max(1, fromLine));
  }

  /**
   * The line of the first {@code key:} line at or after {@code fromLine} (a list's key, such as
   * {@code metrics:}, whose items are then looked up from there); else fromLine.
   */
  int ofSection(String key, int fromLine) {
    Pattern pattern = Pattern.compile("^\\s*(-\\s+)?" + Pattern.quote(key) + "\\s*:");
    for (int i = Math.max(0, fromLine - 1); i < lines.size(); i++) {
      if (pattern.matcher(lines.get(i)).find()) {
        return i + 1;
      }
    }
    return Math.max(1, fromLine);
  }

  SourceLocation start() {
    return new SourceLocation(file, 1);
  }
}
