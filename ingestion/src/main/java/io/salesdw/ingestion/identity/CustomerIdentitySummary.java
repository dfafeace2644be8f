package io.salesdw.ingestion.identity;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;

/**
 * What one run of {@link CustomerIdentityJob} did.
 *
 * @param table the crosswalk table written, relative to the lake root
 * @param batchId the run's id, also in every crosswalk row
 * @param recordsPerSource records read per source table (the table read, silver or bronze)
 * @param unifiedCustomers distinct unified customer ids
 * @param matchedRecords records linked to at least one other record
 * @param builtAt when the crosswalk was built
 */
public record CustomerIdentitySummary(
    String table,
    String batchId,
    Map<String, Long> recordsPerSource,
    long unifiedCustomers,
    long matchedRecords,
    Instant builtAt) {
  public CustomerIdentitySummary {
    requireNonNull(table, "table is null");
    requireNonNull(batchId, "batchId is null");
    recordsPerSource = Map.copyOf(requireNonNull(recordsPerSource, "recordsPerSource is null"));
    requireNonNull(builtAt, "builtAt is null");
  }
}
