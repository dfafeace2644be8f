package io.salesdw.semantic.model;

import static java.util.Objects.requireNonNull;

/**
 * Where a model element is declared: a YAML file and the line of its {@code name:} key, so that
 * every validation issue can point at it.
 *
 * @param file the file's path or resource name as the user knows it
 * @param line the 1-based line
 */
public record SourceLocation(String file, int line) {
  public SourceLocation {
    requireNonNull(file, "file is null");
    if (line < 1) {
      throw new IllegalArgumentException("line must be positive: " + line);
    }
  }

  @Override
  public String toString() {
    return file + ":" + line;
  }
}
