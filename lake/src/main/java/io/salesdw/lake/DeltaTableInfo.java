package io.salesdw.lake;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * One Delta table of a lake as of its latest version: where it is, how big it is, and how it is
 * partitioned.
 *
 * @param name the table's directory relative to the lake root, with {@code /} separators, such as
 *     {@code bronze/crm_leads}
 * @param location the table's directory as an absolute URI
 * @param version the latest version: the number of commits minus one
 * @param rowCount the rows in the latest version, after deletes (deletion vectors included)
 * @param lastModified when the latest version was committed
 * @param fileCount the data files of the latest version
 * @param sizeBytes the total size of those files
 * @param partitionColumns the partition columns in schema order; empty if unpartitioned
 */
public record DeltaTableInfo(
    String name,
    URI location,
    long version,
    long rowCount,
    Instant lastModified,
    long fileCount,
    long sizeBytes,
    List<String> partitionColumns) {
  public DeltaTableInfo {
    requireNonNull(name, "name is null");
    requireNonNull(location, "location is null");
    requireNonNull(lastModified, "lastModified is null");
    partitionColumns = List.copyOf(requireNonNull(partitionColumns, "partitionColumns is null"));
    if (name.isBlank()) {
      throw new IllegalArgumentException("name is blank");
    }
    if (!location.isAbsolute()) {
      throw new IllegalArgumentException("location is not an absolute URI: " + location);
    }
    checkNotNegative("version", version);
    checkNotNegative("rowCount", rowCount);
    checkNotNegative("fileCount", fileCount);
    checkNotNegative("sizeBytes", sizeBytes);
  }

  private static void checkNotNegative(String field, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " is negative: " + value);
    }
  }
}
