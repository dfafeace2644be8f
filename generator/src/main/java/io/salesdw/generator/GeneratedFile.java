package io.salesdw.generator;

import static java.util.Objects.requireNonNull;

/**
 * One file written by the generator: its path relative to the output directory (with / as
 * separator), its encoding, its record count (data lines without the header; INSERTed rows for
 * erp.sql) and its size in bytes.
 */
public record GeneratedFile(String relativePath, String encoding, long rows, long bytes) {
  public GeneratedFile {
    requireNonNull(relativePath, "relativePath is null");
    requireNonNull(encoding, "encoding is null");
    if (rows < 0 || bytes < 0) {
      throw new IllegalArgumentException("rows and bytes must be non-negative: " + relativePath);
    }
  }
}
