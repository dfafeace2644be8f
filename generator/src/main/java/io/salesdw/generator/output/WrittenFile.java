package io.salesdw.generator.output;

import static java.util.Objects.requireNonNull;

/** One file the generator wrote: its path under the output directory, encoding and size. */
public record WrittenFile(String relativePath, String encoding, long rows, long bytes) {
  public WrittenFile {
    requireNonNull(relativePath, "relativePath is null");
    requireNonNull(encoding, "encoding is null");
    if (rows < 0 || bytes < 0) {
      throw new IllegalArgumentException("rows and bytes must be non-negative");
    }
  }
}
