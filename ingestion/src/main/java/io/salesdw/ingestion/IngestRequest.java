package io.salesdw.ingestion;

import static java.util.Objects.requireNonNull;

import io.salesdw.contracts.SourceSystem;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What to land: a source system's export (a directory, or one file), the lake root (a local path or
 * a Hadoop filesystem URI) and, for an export not shaped like the generator's, a mapping file.
 */
public record IngestRequest(SourceSystem source, Path input, String lake, Optional<Path> mapping) {
  public IngestRequest {
    requireNonNull(source, "source is null");
    requireNonNull(input, "input is null");
    requireNonNull(lake, "lake is null");
    requireNonNull(mapping, "mapping is null");
  }
}
