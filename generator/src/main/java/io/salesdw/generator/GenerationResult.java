package io.salesdw.generator;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What a generator run wrote (files by path, manifest.json included) and how long it took. */
public record GenerationResult(Path outputDirectory, List<GeneratedFile> files, Duration elapsed) {
  public GenerationResult {
    requireNonNull(outputDirectory, "outputDirectory is null");
    files = List.copyOf(files);
    requireNonNull(elapsed, "elapsed is null");
  }

  /** Records over all files. */
  public long totalRows() {
    return files.stream().mapToLong(GeneratedFile::rows).sum();
  }

  /** Bytes over all files. */
  public long totalBytes() {
    return files.stream().mapToLong(GeneratedFile::bytes).sum();
  }
}
