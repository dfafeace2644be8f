package io.salesdw.ingestion;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One record of an export file after checking it against its contract: either landed, with the
 * canonical text of every contract column (see {@link ValueConverter}), or quarantined, with the
 * fields and reasons that broke the contract. Both keep the raw payload and the physical line the
 * record starts on.
 */
record ParsedRecord(
    String entity,
    String sourceFile,
    long lineNumber,
    List<Optional<String>> values,
    String rowHash,
    Optional<String> field,
    Optional<String> reason,
    String rawPayload,
    byte[] rawBytes) {
  ParsedRecord {
    requireNonNull(entity, "entity is null");
    requireNonNull(sourceFile, "sourceFile is null");
    values = List.copyOf(requireNonNull(values, "values is null"));
    requireNonNull(rowHash, "rowHash is null");
    requireNonNull(field, "field is null");
    requireNonNull(reason, "reason is null");
    requireNonNull(rawPayload, "rawPayload is null");
    requireNonNull(rawBytes, "rawBytes is null");
  }

  boolean landed() {
    return reason.isEmpty();
  }
}
