package io.salesdw.lake;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One Parquet data file of a Delta table's snapshot.
 *
 * @param uri the file's absolute URI (percent-encoded; {@code Path.of(uri)} for local files)
 * @param partitionValues the file's value of each partition column, by the column's table name, in
 *     schema order; empty for a NULL partition value
 * @param sizeBytes the file's size
 * @param numRecords the rows physically in the file, from the file's statistics; empty when the
 *     writer recorded none
 * @param deletionVectorCardinality the rows a deletion vector marks deleted; empty when the file
 *     has no deletion vector
 */
public record DeltaDataFile(
    URI uri,
    Map<String, Optional<String>> partitionValues,
    long sizeBytes,
    OptionalLong numRecords,
    OptionalLong deletionVectorCardinality) {
  public DeltaDataFile {
    requireNonNull(uri, "uri is null");
    requireNonNull(partitionValues, "partitionValues is null");
    requireNonNull(numRecords, "numRecords is null");
    requireNonNull(deletionVectorCardinality, "deletionVectorCardinality is null");
    if (!uri.isAbsolute()) {
      throw new IllegalArgumentException("uri is not absolute: " + uri);
    }
    if (sizeBytes < 0) {
      throw new IllegalArgumentException("sizeBytes is negative: " + sizeBytes);
    }
    // Keeps the schema order of the partition columns, which Map.copyOf would lose.
    Map<String, Optional<String>> copy = new LinkedHashMap<>();
    partitionValues.forEach(
        (column, value) ->
            copy.put(
                requireNonNull(column, "partition column is null"),
                requireNonNull(value, "partition value is null")));
    partitionValues = Collections.unmodifiableMap(copy);
  }

  /** Whether a deletion vector hides some of this file's rows. */
  public boolean hasDeletionVector() {
    return deletionVectorCardinality.isPresent();
  }

  /** The rows of this file that the snapshot holds: {@code numRecords} minus deleted rows. */
  public OptionalLong liveRecords() {
    if (numRecords.isEmpty()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(numRecords.getAsLong() - deletionVectorCardinality.orElse(0));
  }
}
