package io.salesdw.ingestion;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * The records of one export file, or why the file cannot be read at all (then it has no records and
 * the batch fails before any table changes).
 */
record ParsedFile(
    String sourceFile, String entity, List<ParsedRecord> records, Optional<String> error) {
  ParsedFile {
    requireNonNull(sourceFile, "sourceFile is null");
    requireNonNull(entity, "entity is null");
    records = List.copyOf(requireNonNull(records, "records is null"));
    requireNonNull(error, "error is null");
  }

  static ParsedFile failed(String sourceFile, String entity, String error) {
    return new ParsedFile(sourceFile, entity, List.of(), Optional.of(error));
  }
}
